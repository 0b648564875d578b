-- The asset register: nodes, effective-dated operating parameters, and
-- history that cannot be rewritten silently.
SET timezone = 'UTC';
\set SHOW_CONTEXT never

INSERT INTO tokcost.gpu_node (node_id, lane, capex, residual_value, in_service, life_months, provider, region, description)
VALUES ('gpu-01', 'colo-gpu', 300000, 0, '2026-11-02', 36, 'Colo Inc', 'fra-1', '8x H100');
INSERT INTO tokcost.gpu_node_rate (node_id, valid_from, it_load_kw, pue, price_per_kwh, facility_per_day, peak_tokens_per_second)
VALUES ('gpu-01', '2026-11-02', 9.33, 1.5, 0.12, 25, 8680.56);

-- A new tariff closes the period in effect and opens a new one; the other
-- parameters carry over.
SELECT * FROM tokcost.change_gpu_node_rate('gpu-01', '2026-12-01', price_per_kwh => 0.15, note => 'new tariff');
SELECT * FROM tokcost.change_gpu_node_rate('gpu-01', '2027-01-01', pue => 1.4, note => 're-rated PUE');
SELECT valid_from, valid_to, pue, price_per_kwh, note FROM tokcost.gpu_node_rate ORDER BY valid_from;

-- History is not rewritten: not by a change dated before the period in
-- effect, not by editing or deleting a period, not by an overlapping one.
SELECT * FROM tokcost.change_gpu_node_rate('gpu-01', '2026-12-15', pue => 1.3);
SELECT * FROM tokcost.change_gpu_node_rate('gpu-01', '2027-01-01', pue => 1.3);
UPDATE tokcost.gpu_node_rate SET price_per_kwh = 0.10 WHERE valid_from = '2026-11-02';
UPDATE tokcost.gpu_node_rate SET valid_to = '2026-11-20' WHERE valid_from = '2026-11-02';
DELETE FROM tokcost.gpu_node_rate WHERE valid_from = '2026-12-01';
INSERT INTO tokcost.gpu_node_rate (node_id, valid_from, valid_to, it_load_kw, pue, price_per_kwh, peak_tokens_per_second)
VALUES ('gpu-01', '2026-11-10', '2026-11-11', 9.33, 1.5, 0.12, 8680.56);
INSERT INTO tokcost.gpu_node_rate (node_id, valid_from, it_load_kw, pue, price_per_kwh, peak_tokens_per_second)
VALUES ('gpu-01', '2027-06-01', 9.33, 1.5, 0.12, 8680.56);
UPDATE tokcost.gpu_node SET capex = 250000 WHERE node_id = 'gpu-01';
UPDATE tokcost.gpu_node SET in_service = '2026-11-01' WHERE node_id = 'gpu-01';
DELETE FROM tokcost.gpu_node WHERE node_id = 'gpu-01';

-- Changes allowed: the description, and the retirement date once.
UPDATE tokcost.gpu_node SET description = '8x H100 SXM' WHERE node_id = 'gpu-01';
UPDATE tokcost.gpu_node SET retired_on = '2029-11-01' WHERE node_id = 'gpu-01';
UPDATE tokcost.gpu_node SET retired_on = '2030-11-01' WHERE node_id = 'gpu-01';

-- Retiring a node from a day already reported, yesterday (UTC), is a
-- change of history; from today on it is not.
INSERT INTO tokcost.gpu_node (node_id, lane, capex, in_service, life_months)
VALUES ('gpu-retiring', 'self-hosted-gpu', 1000, '2026-01-01', 12);
\set VERBOSITY sqlstate
UPDATE tokcost.gpu_node SET retired_on = tokcost.utc_today() - 1 WHERE node_id = 'gpu-retiring';
\set VERBOSITY default
UPDATE tokcost.gpu_node SET retired_on = tokcost.utc_today() WHERE node_id = 'gpu-retiring';
SELECT retired_on = tokcost.utc_today() AS retired_today FROM tokcost.gpu_node WHERE node_id = 'gpu-retiring';
SET tokcost.rewrite_history = on;
DELETE FROM tokcost.gpu_node WHERE node_id = 'gpu-retiring';
RESET tokcost.rewrite_history;

-- A deliberate correction, with tokcost.rewrite_history on.
SET tokcost.rewrite_history = on;
UPDATE tokcost.gpu_node_rate SET price_per_kwh = 0.11 WHERE valid_from = '2026-11-02';
RESET tokcost.rewrite_history;
SELECT valid_from, price_per_kwh FROM tokcost.gpu_node_rate ORDER BY valid_from;

-- Bad parameters and nodes.
INSERT INTO tokcost.gpu_node (node_id, lane, capex, in_service, life_months)
VALUES ('gpu-x', 'cloud-api', 1, '2026-01-01', 12);
INSERT INTO tokcost.gpu_node (node_id, lane, capex, residual_value, in_service, life_months)
VALUES ('gpu-x', 'colo-gpu', 1, 2, '2026-01-01', 12);
INSERT INTO tokcost.gpu_node (node_id, lane, capex, in_service, life_months)
VALUES ('gpu-x', 'colo-gpu', 'NaN', '2026-01-01', 12);
INSERT INTO tokcost.gpu_node (node_id, lane, capex, in_service, life_months)
VALUES ('gpu-x', 'colo-gpu', 1, '2026-01-01', 0);
INSERT INTO tokcost.gpu_node_rate (node_id, valid_from, it_load_kw, pue, price_per_kwh, peak_tokens_per_second)
VALUES ('gpu-01', '2030-01-01', 1, 0.9, 0.1, 1);
SELECT * FROM tokcost.change_gpu_node_rate('no-such-node', '2027-01-01', pue => 1.3);
INSERT INTO tokcost.gpu_node (node_id, lane, capex, in_service, life_months)
VALUES ('gpu-02', 'self-hosted-gpu', 1000, '2026-01-01', 12);
SELECT * FROM tokcost.change_gpu_node_rate('gpu-02', '2026-01-01', pue => 1.3);

-- pg_dump keeps the register.
SELECT c.relname FROM pg_extension e, unnest(e.extconfig) AS x (oid)
  JOIN pg_class c ON c.oid = x.oid
 WHERE e.extname = 'tokcost' AND c.relname LIKE 'gpu%' ORDER BY 1;


-- Leave the shared regression database as it was.
SET client_min_messages = warning;
TRUNCATE tokcost.gpu_node CASCADE;
