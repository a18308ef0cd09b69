-- Calendar dimension, one row per day from 1900 to 2099, plus the unknown member (date_key -1, also for dates outside that range).
create table if not exists dim_date (
    date_key        integer primary key,  -- yyyymmdd
    calendar_date   date,
    year            integer,
    quarter         integer,
    month           integer,
    day             integer,
    iso_week        integer,
    weekday_number  integer,              -- 1 = Monday .. 7 = Sunday
    weekday_ko      varchar,              -- 월요일 .. 일요일
    weekday_short_ko varchar,             -- 월 .. 일
    is_weekend      boolean,
    load_id         varchar not null      -- 'seed': generated with the schema
);
