-- Token counts from FOCUS quantities and units.
\set SHOW_CONTEXT never

-- Token units, with and without a unit quantity, in any letter case.
SELECT unit, tokcost.token_unit_size(unit) AS tokens_per_unit, tokcost.is_token_unit(unit) AS is_token_unit
  FROM (VALUES ('Tokens'), ('Token'), ('tokens'), ('1000 Tokens'), ('1K Tokens'), ('1k Tokens'),
               ('1M Tokens'), ('10M Tokens'), ('1000000 Tokens'), ('1M Input Tokens'),
               ('  1K   Tokens  ')) AS u (unit);

-- Magnitudes in words, in any case, read as the digits would be.
SELECT unit, tokcost.token_unit_size(unit) AS tokens_per_unit
  FROM (VALUES ('Million Tokens'), ('1 Million Tokens'), ('2 million input tokens'),
               ('Thousand Tokens'), ('K Tokens'), ('M Tokens'), ('MM Tokens'),
               ('1 Billion Tokens'), ('Mega Tokens'), ('Hundred Tokens'),
               ('999999 Million Tokens')) AS u (unit);
SELECT tokcost.focus_tokens(2, 'Million Tokens') AS two_million,
       tokcost.unit_price_per_mtok(2.50, 'Million Tokens') AS per_million_words;

-- A magnitude twice, after a qualifier, as another letter, or too large.
SELECT unit, tokcost.is_token_unit(unit) AS is_token_unit
  FROM (VALUES ('Input Million Tokens'), ('1K Million Tokens'), ('Million Million Tokens'),
               ('m Tokens'), ('B Tokens'), ('G Tokens'), ('1000000001 Billion Tokens'),
               ('999999999999 Billion Tokens'), ('Trillion Tokens'), ('Mil Tokens'),
               ('2 Lakh Tokens')) AS u (unit);
SELECT tokcost.token_unit_size('Trillion Tokens');
SELECT unit, tokcost.token_unit_size(unit) AS tokens_per_unit
  FROM (VALUES ('1M Cached Input Tokens'), ('Reasoning Output Tokens'), ('1K BATCH tokens')) AS u (unit);
SELECT tokcost.token_unit_size('Input Million Tokens');
SELECT tokcost.token_unit_size('B Tokens');
SELECT tokcost.token_unit_size('1000000001 Billion Tokens');

-- Quantities to tokens: ConsumedQuantity in Tokens, PricingQuantity in 1K Tokens.
SELECT tokcost.focus_tokens(1500000, 'Tokens') AS consumed,
       tokcost.focus_tokens(1500, '1K Tokens') AS priced,
       tokcost.focus_tokens(1.5, '1M Tokens') AS millions,
       tokcost.focus_tokens(0.25, '1000 Tokens') AS fraction;

-- A price per 1K tokens is a thousand times a price per million, never equal.
SELECT tokcost.unit_price_per_mtok(0.003, '1K Tokens') AS per_1k,
       tokcost.unit_price_per_mtok(3, '1M Tokens') AS per_1m,
       tokcost.unit_price_per_mtok(0.000003, 'Tokens') AS per_token,
       tokcost.unit_price_per_mtok(0.03, '10M Tokens') AS per_10m,
       tokcost.unit_price_per_mtok(1, '3 Tokens') AS per_3;

-- Units that are not a count of tokens.
SELECT unit, tokcost.is_token_unit(unit) AS is_token_unit
  FROM (VALUES ('Requests'), ('GB'), ('Tokens/Second'), ('Request-Tokens'), ('1m Tokens'),
               ('0 Tokens'), ('1000Tokens'), ('Tokens2'), (''), ('Hours'), ('1G Tokens')) AS u (unit);
SELECT tokcost.token_unit_size('Requests');
SELECT tokcost.token_unit_size('Tokens/Second');
SELECT tokcost.token_unit_size('Request-Tokens');
SELECT tokcost.token_unit_size('1m Tokens');
SELECT tokcost.token_unit_size('0 Tokens');
SELECT tokcost.token_unit_size('');
SELECT tokcost.focus_tokens(10, 'GB-Hours');
SELECT tokcost.focus_tokens('NaN', 'Tokens');
SELECT tokcost.unit_price_per_mtok('Infinity', '1K Tokens');
SELECT tokcost.focus_tokens(NULL, 'Tokens') IS NULL AS null_quantity,
       tokcost.focus_tokens(1, NULL) IS NULL AS null_unit;
