#!/usr/bin/perl
# Figures of a FOCUS CSV file read from its raw text, independently of
# tokcost's loader: the number of records, the exact sums of BilledCost,
# EffectiveCost and ListCost, and the number of Tags values that are not
# NULL.  Columns are found by name in the header.  A line is taken as one
# record, which holds for files with no line breaks inside fields.
use strict;
use warnings;
use Math::BigFloat;

my $path = shift or die "usage: focus_sums.pl FILE\n";
open my $file, '<', $path or die "cannot open $path: $!\n";

sub fields {
    my ($line) = @_;
    my @fields;
    while ($line =~ /\G("(?:[^"]|"")*"|[^,]*)(,|$)/g) {
        my ($field, $end) = ($1, $2);
        $field =~ s/^"(.*)"$/$1/s and $field =~ s/""/"/g;
        push @fields, $field;
        last if $end eq '';
    }
    return @fields;
}

my $header = <$file>;
$header =~ s/\r?\n$//;
my @names = fields($header);
my %at = map { $names[$_] => $_ } 0 .. $#names;
my ($records, $tagged) = (0, 0);
my %sum = map { $_ => Math::BigFloat->new(0) } qw(BilledCost EffectiveCost ListCost);
while (my $line = <$file>) {
    $line =~ s/\r?\n$//;
    next if $line =~ /^\s*$/;
    my @fields = fields($line);
    $records++;
    for my $column (keys %sum) {
        my $value = $fields[$at{$column}];
        $sum{$column} += Math::BigFloat->new($value) if $value ne 'NULL' && $value ne '';
    }
    $tagged++ if $fields[$at{Tags}] ne 'NULL' && $fields[$at{Tags}] ne '';
}
print join(' ', $records, $sum{BilledCost}, $sum{EffectiveCost}, $sum{ListCost}, $tagged), "\n";
