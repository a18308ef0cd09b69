-- The id of every load recorded in the warehouse.
select load_id from load_ledger order by load_id;
