-- lane_total_add and operator + (1.1): the sum of two totals of one lane,
-- as the rollup aggregate would give it, with the same blend check.

SELECT tokcost.lane_total_add('(cloud-api,USD,326.99,222800000,1)',
                              '(cloud-api,USD,373.75,229117000,1)');
SELECT '(colo-gpu,,339.09,150000000,1)'::tokcost.lane_total
       OPERATOR(tokcost.+) '(colo-gpu,,339.090,260000000,1)';

-- The same value as lane_sum over both, scale and stored form included.
SELECT a OPERATOR(tokcost.+) b OPERATOR(tokcost.=) (SELECT tokcost.lane_sum(x) FROM (VALUES (a), (b)) v (x))
         AS equals_rollup,
       (a OPERATOR(tokcost.+) b)::text = (SELECT tokcost.lane_sum(x) FROM (VALUES (a), (b)) v (x))::text
         AS same_text
  FROM (VALUES ('(a,USD,1e60,5,1)'::tokcost.lane_total, '(a,USD,-1e60,0.25,2)'::tokcost.lane_total),
               ('(a,USD,0.1,,1)', '(a,USD,,7,1)')) t (a, b);

-- NULL sums stay NULL until a value arrives; a NULL argument gives NULL.
SELECT tokcost.lane_total_add('(a,,,,1)', '(a,,,,2)');
SELECT tokcost.lane_total_add(NULL, '(a,,1,1,1)') IS NULL AS null_in_null_out;

-- With tokcost on the search path, + is the operator.
SET search_path = tokcost, public;
SELECT '(a,,1,1,1)'::lane_total + '(a,,2,2,2)' + '(a,,3,3,3)' AS three_days;
RESET search_path;

-- Two lanes, two currencies, a currency and none: SQLSTATE TC001.
SELECT tokcost.lane_total_add('(cloud-api,USD,1,1,1)', '(colo-gpu,USD,1,1,1)');
SELECT tokcost.lane_total_add('(cloud-api,USD,1,1,1)', '(cloud-api,EUR,1,1,1)');
SELECT tokcost.lane_total_add('(cloud-api,USD,1,1,1)', '(cloud-api,,1,1,1)');
-- Past bigint rows or the size of a lane_total: SQLSTATE 22003.
SELECT tokcost.lane_total_add('(a,,1,1,9223372036854775807)', '(a,,1,1,1)');
SELECT tokcost.lane_total_add('(a,,1e131071,1,1)', '(a,,1,1,1)');
