-- The commons test application's projection (ProjectionSyncTest): widget names and colours as a
-- source that the test controls announces them.
CREATE TABLE widget_directory (
    name   text PRIMARY KEY,
    colour text NOT NULL
);
