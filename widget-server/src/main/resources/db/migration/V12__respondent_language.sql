-- The language a respondent is asked in (from a contact import or the CRM), as a BCP 47 tag.
alter table respondent add column language varchar(35);
