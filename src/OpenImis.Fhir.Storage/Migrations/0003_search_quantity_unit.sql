-- number||unit matches a quantity's code or its human unit (search.html#quantity): search_quantity.unit holds the
-- code (or the unit when there is no code), unit_text the human unit. Rows written before this stay without it.

alter table search_quantity add column unit_text text;
