-- An item's current version is kept in memory by every server process (catalog/application-spec.ts,
-- docs/decisions/0015): publishing, withdrawing or deleting the item announces it on tongban_invalidate.
CREATE TRIGGER items_invalidate AFTER UPDATE OR DELETE ON items
  FOR EACH ROW EXECUTE FUNCTION tongban_invalidate('item', 'code');
