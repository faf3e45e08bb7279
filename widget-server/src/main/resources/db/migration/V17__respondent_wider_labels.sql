-- External ids, names and companies are limited to 200 characters as people count them (code points, so an emoji
-- is one). H2 counts UTF-16 units, two per emoji, so the columns are made wide enough for 200 of any kind: a value
-- that passed the check must never fail the insert.
alter table respondent alter column external_id set data type varchar(400);
alter table respondent alter column name set data type varchar(400);
alter table respondent alter column company set data type varchar(400);
