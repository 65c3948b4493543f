-- 0004_statement_act: whether a statement is speech (said or written) or a stance (a view the
-- article attributes to its source: "believes", "wants", "the poll shows"); see docs/scope.md.
-- Statements stored before this migration have NULL (unknown); new ones always have a value.

ALTER TABLE statements ADD COLUMN act TEXT;
