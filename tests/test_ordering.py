from pipwriter.model.article.ordering import move_item


def test_move_item_within_the_list():
    items = ["a", "b", "c"]
    assert move_item(items, 0, 1) == 1 and items == ["b", "a", "c"]
    assert move_item(items, 2, -2) == 0 and items == ["c", "b", "a"]


def test_move_item_off_either_end_changes_nothing():
    items = ["a", "b"]
    assert move_item(items, 0, -1) is None
    assert move_item(items, 1, 1) is None
    assert move_item(items, -1, 1) is None
    assert move_item(items, 0, 0) is None
    assert items == ["a", "b"]
