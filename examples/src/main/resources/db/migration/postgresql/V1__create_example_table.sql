CREATE TABLE example_table (
  count SERIAL PRIMARY KEY,
  name TEXT NOT NULL
);
