-- Open-task counts per department, item and due date, for the inbox badges (docs/decisions/0012):
-- the badges sum a few dozen rows here instead of counting every open task of the department.
-- Kept exact by statement triggers on case_tasks, in the transaction that changes the tasks. Each
-- database backend adds to rows of its own (slot = its pid), so two transactions never wait on the
-- same counter row; slot 0 holds what compactInboxCounts folded in from backends that have ended.
CREATE TABLE case_task_open_counts (
  department_code text NOT NULL,
  item_code text NOT NULL,
  -- 'infinity' for an open task without a due date: counted as open, never due soon or overdue
  due_on date NOT NULL,
  slot integer NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (department_code, item_code, due_on, slot)
);

CREATE FUNCTION case_task_open_counts_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO case_task_open_counts AS c (department_code, item_code, due_on, slot, n)
  SELECT department_code, item_code, coalesce(due_on, 'infinity'::date), pg_backend_pid(), count(*) FROM new_rows
  WHERE status = 'open' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (department_code, item_code, due_on, slot) DO UPDATE SET n = c.n + excluded.n;
  RETURN NULL;
END $$;

CREATE FUNCTION case_task_open_counts_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO case_task_open_counts AS c (department_code, item_code, due_on, slot, n)
  SELECT department_code, item_code, coalesce(due_on, 'infinity'::date), pg_backend_pid(), -count(*) FROM old_rows
  WHERE status = 'open' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (department_code, item_code, due_on, slot) DO UPDATE SET n = c.n + excluded.n;
  RETURN NULL;
END $$;

CREATE FUNCTION case_task_open_counts_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- the net change per (department, item, due date); a claim or a note changes nothing here
  INSERT INTO case_task_open_counts AS c (department_code, item_code, due_on, slot, n)
  SELECT d.department_code, d.item_code, d.due_on, pg_backend_pid(), sum(d.n)
  FROM (
    SELECT department_code, item_code, coalesce(due_on, 'infinity'::date) AS due_on, 1 AS n FROM new_rows WHERE status = 'open'
    UNION ALL
    SELECT department_code, item_code, coalesce(due_on, 'infinity'::date), -1 FROM old_rows WHERE status = 'open'
  ) d
  GROUP BY 1, 2, 3 HAVING sum(d.n) <> 0 ORDER BY 1, 2, 3
  ON CONFLICT (department_code, item_code, due_on, slot) DO UPDATE SET n = c.n + excluded.n;
  RETURN NULL;
END $$;

CREATE TRIGGER case_tasks_open_counts_insert AFTER INSERT ON case_tasks
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_task_open_counts_insert();
CREATE TRIGGER case_tasks_open_counts_update AFTER UPDATE ON case_tasks
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_task_open_counts_update();
CREATE TRIGGER case_tasks_open_counts_delete AFTER DELETE ON case_tasks
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION case_task_open_counts_delete();

-- the tasks already open
INSERT INTO case_task_open_counts (department_code, item_code, due_on, slot, n)
SELECT department_code, item_code, coalesce(due_on, 'infinity'::date), 0, count(*) FROM case_tasks WHERE status = 'open' GROUP BY 1, 2, 3;
