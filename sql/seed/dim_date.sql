-- The calendar, 1900-01-01 .. 2099-12-31, with Korean weekday names, and the unknown member.
insert into dim_date
with days as (
    select cast(d as date) as calendar_date
    from generate_series(date '1900-01-01', date '2099-12-31', interval 1 day) as t(d)
),
final as (
    select
        cast(strftime(calendar_date, '%Y%m%d') as integer) as date_key,
        calendar_date,
        year(calendar_date) as year,
        quarter(calendar_date) as quarter,
        month(calendar_date) as month,
        day(calendar_date) as day,
        weekofyear(calendar_date) as iso_week,
        isodow(calendar_date) as weekday_number,
        ['월요일', '화요일', '수요일', '목요일', '금요일', '토요일', '일요일'][isodow(calendar_date)] as weekday_ko,
        ['월', '화', '수', '목', '금', '토', '일'][isodow(calendar_date)] as weekday_short_ko,
        isodow(calendar_date) >= 6 as is_weekend,
        'seed' as load_id
    from days
    union all
    select -1, null, null, null, null, null, null, null, '알 수 없음', '?', null, 'seed'
)
select * from final
where date_key not in (select date_key from dim_date);
