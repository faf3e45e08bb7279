-- One row that an import locks while it stores contacts, so two imports of overlapping lists, on any node, store
-- one after the other: the second then finds the respondents the first created instead of creating them again.
create table contact_import_lock (
    id integer primary key
);
insert into contact_import_lock (id) values (1);
