use super::*;

fn rev(s: &str) -> Rev {
    s.parse().unwrap()
}

fn hashes(list: &[&str]) -> Vec<String> {
    list.iter().map(|h| (*h).to_owned()).collect()
}

/// One step of building a tree in a table case.
enum Op {
    /// A local edit: (parent, new revision, deleted).
    Edit(Option<&'static str>, &'static str, bool),
    /// A replicated revision: (revision, ancestry hashes newest first, deleted).
    Graft(&'static str, &'static [&'static str], bool),
}
use Op::{Edit, Graft};

fn build(ops: &[Op]) -> RevTree {
    let mut tree = RevTree::new();
    for op in ops {
        match op {
            Edit(parent, r, deleted) => tree
                .insert(parent.map(rev).as_ref(), rev(r), *deleted)
                .unwrap(),
            Graft(r, ancestry, deleted) => {
                tree.graft(&rev(r), *deleted, &hashes(ancestry)).unwrap();
            }
        }
    }
    tree
}

struct Case {
    name: &'static str,
    ops: &'static [Op],
    winner: &'static str,
    winner_deleted: bool,
    /// Every leaf, winner first.
    leaves: &'static [&'static str],
    conflicts: &'static [&'static str],
}

const CASES: &[Case] = &[
    Case {
        name: "linear edits: the last edit wins",
        ops: &[
            Edit(None, "1-a", false),
            Edit(Some("1-a"), "2-b", false),
            Edit(Some("2-b"), "3-c", false),
        ],
        winner: "3-c",
        winner_deleted: false,
        leaves: &["3-c"],
        conflicts: &[],
    },
    Case {
        name: "two branches at the same position: the greater hash wins",
        ops: &[
            Graft("2-b", &["b", "a"], false),
            Graft("2-c", &["c", "a"], false),
        ],
        winner: "2-c",
        winner_deleted: false,
        leaves: &["2-c", "2-b"],
        conflicts: &["2-b"],
    },
    Case {
        name: "hash order is plain string order, not numeric",
        ops: &[
            Graft("2-9f", &["9f", "a"], false),
            Graft("2-a0", &["a0", "a"], false),
        ],
        winner: "2-a0",
        winner_deleted: false,
        leaves: &["2-a0", "2-9f"],
        conflicts: &["2-9f"],
    },
    Case {
        name: "the longer branch beats a greater hash",
        ops: &[
            Graft("3-a", &["a", "y", "x"], false),
            Graft("2-z", &["z", "x"], false),
        ],
        winner: "3-a",
        winner_deleted: false,
        leaves: &["3-a", "2-z"],
        conflicts: &["2-z"],
    },
    Case {
        name: "deleting the winner makes the other branch win",
        ops: &[
            Graft("2-b", &["b", "a"], false),
            Graft("2-c", &["c", "a"], false),
            Edit(Some("2-c"), "3-d", true),
        ],
        winner: "2-b",
        winner_deleted: false,
        leaves: &["2-b", "3-d"],
        conflicts: &[],
    },
    Case {
        name: "all leaves deleted: the deleted leaf with the highest position wins",
        ops: &[
            Graft("2-c", &["c", "a"], true),
            Graft("3-d", &["d", "b", "a"], true),
        ],
        winner: "3-d",
        winner_deleted: true,
        leaves: &["3-d", "2-c"],
        conflicts: &[],
    },
    Case {
        name: "a document recreated after deletion is live again",
        ops: &[
            Edit(None, "1-a", false),
            Edit(Some("1-a"), "2-b", true),
            Edit(Some("2-b"), "3-c", false),
        ],
        winner: "3-c",
        winner_deleted: false,
        leaves: &["3-c"],
        conflicts: &[],
    },
    Case {
        name: "re-grafting a known revision changes nothing",
        ops: &[
            Graft("2-b", &["b", "a"], false),
            Graft("2-b", &["b", "a"], false),
            Graft("1-a", &["a"], false),
        ],
        winner: "2-b",
        winner_deleted: false,
        leaves: &["2-b"],
        conflicts: &[],
    },
    Case {
        name: "a branch sharing an ancestor joins the tree",
        ops: &[
            Edit(None, "1-a", false),
            Edit(Some("1-a"), "2-b", false),
            Edit(Some("2-b"), "3-c", false),
            Graft("3-x", &["x", "b", "a"], false),
        ],
        winner: "3-x",
        winner_deleted: false,
        leaves: &["3-x", "3-c"],
        conflicts: &["3-c"],
    },
    Case {
        name: "a replicated child of a leaf extends it without a conflict",
        ops: &[
            Edit(None, "1-a", false),
            Graft("3-c", &["c", "b", "a"], false),
        ],
        winner: "3-c",
        winner_deleted: false,
        leaves: &["3-c"],
        conflicts: &[],
    },
    Case {
        name: "stemmed ancestry: a root whose parent is unknown",
        ops: &[
            Graft("5-e", &["e", "d"], false),
            Graft("6-f", &["f", "e", "d", "c"], false),
        ],
        winner: "6-f",
        winner_deleted: false,
        leaves: &["6-f"],
        conflicts: &[],
    },
    Case {
        name: "an ancestry that does not start with the revision is ignored",
        ops: &[
            Graft("1-a", &["a"], false),
            Graft("2-z", &["q", "a"], false),
        ],
        winner: "2-z",
        winner_deleted: false,
        leaves: &["2-z", "1-a"],
        conflicts: &["1-a"],
    },
];

#[test]
fn winner_leaves_and_conflicts_follow_couchdb() {
    for case in CASES {
        let tree = build(case.ops);
        let winner = tree.winner().unwrap();
        assert_eq!(winner.rev, rev(case.winner), "{}: winner", case.name);
        assert_eq!(
            winner.deleted, case.winner_deleted,
            "{}: winner deleted",
            case.name
        );
        let leaves: Vec<Rev> = tree.leaves().into_iter().map(|l| l.rev).collect();
        let expected: Vec<Rev> = case.leaves.iter().map(|r| rev(r)).collect();
        assert_eq!(leaves, expected, "{}: leaves, winner first", case.name);
        let conflicts: Vec<Rev> = case.conflicts.iter().map(|r| rev(r)).collect();
        assert_eq!(tree.conflicts(), conflicts, "{}: conflicts", case.name);
    }
}

#[test]
fn empty_tree_has_no_winner() {
    let tree = RevTree::new();
    assert_eq!(tree.winner(), None);
    assert!(tree.leaves().is_empty());
    assert!(tree.is_empty());
}

#[test]
fn regrafting_a_known_revision_reports_no_change() {
    let mut tree = build(&[Graft("3-c", &["c", "b", "a"], false)]);
    let before = tree.clone();
    assert!(
        !tree
            .graft(&rev("3-c"), false, &hashes(&["c", "b", "a"]))
            .unwrap()
    );
    assert!(
        !tree.graft(&rev("2-b"), true, &hashes(&["b", "a"])).unwrap(),
        "an internal revision is known too"
    );
    assert_eq!(tree, before);
    assert!(
        tree.graft(&rev("3-d"), false, &hashes(&["d", "b", "a"]))
            .unwrap()
    );
}

#[test]
fn stemmed_ancestry_is_linked_above_the_root() {
    let mut tree = build(&[Graft("5-e", &["e", "d"], false)]);
    assert_eq!(tree.path(&rev("5-e")), Some(hashes(&["e", "d"])));
    tree.graft(&rev("6-f"), false, &hashes(&["f", "e", "d", "c", "b"]))
        .unwrap();
    assert_eq!(
        tree.path(&rev("6-f")),
        Some(hashes(&["f", "e", "d", "c", "b"]))
    );
    assert!(!tree.is_leaf(&rev("5-e")));
    assert!(tree.contains(&rev("3-c")));
    assert_eq!(tree.len(), 5);
}

#[test]
fn an_older_known_branch_is_joined_when_the_ancestry_reveals_it() {
    // We know 3-c → 4-w as one branch and 5-x as a root whose parent was stemmed.
    let mut tree = build(&[
        Graft("4-w", &["w", "c"], false),
        Graft("5-x", &["x"], false),
    ]);
    assert_eq!(
        tree.leaves().len(),
        2,
        "two separate leaves before the link is known"
    );
    tree.graft(&rev("6-y"), false, &hashes(&["y", "x", "w", "c"]))
        .unwrap();
    let leaves: Vec<Rev> = tree.leaves().into_iter().map(|l| l.rev).collect();
    assert_eq!(
        leaves,
        vec![rev("6-y")],
        "4-w is now the parent of 5-x, not a leaf"
    );
    assert_eq!(tree.path(&rev("6-y")), Some(hashes(&["y", "x", "w", "c"])));
}

#[test]
fn insert_refuses_what_a_local_edit_cannot_do() {
    let mut tree = build(&[Edit(None, "1-a", false), Edit(Some("1-a"), "2-b", false)]);
    assert_eq!(
        tree.insert(Some(&rev("1-a")), rev("2-c"), false),
        Err(TreeError::ParentNotALeaf)
    );
    assert_eq!(
        tree.insert(Some(&rev("9-z")), rev("10-c"), false),
        Err(TreeError::ParentNotALeaf)
    );
    assert_eq!(
        tree.insert(Some(&rev("2-b")), rev("2-b"), false),
        Err(TreeError::AlreadyExists)
    );
    assert_eq!(
        tree.insert(Some(&rev("2-b")), rev("4-c"), false),
        Err(TreeError::BadPosition)
    );
    assert_eq!(
        tree.insert(None, rev("2-c"), false),
        Err(TreeError::BadPosition)
    );
    assert_eq!(
        tree.insert(None, Rev::new(0, "c"), false),
        Err(TreeError::InvalidRev)
    );
    assert_eq!(
        tree.graft(&Rev::new(1, ""), false, &[]),
        Err(TreeError::InvalidRev)
    );
    assert_eq!(tree.len(), 2, "refused edits leave the tree as it was");
}

#[test]
fn path_lists_ancestry_newest_first() {
    let tree = build(&[
        Edit(None, "1-a", false),
        Edit(Some("1-a"), "2-b", false),
        Graft("3-c", &["c", "b"], true),
    ]);
    assert_eq!(tree.path(&rev("3-c")), Some(hashes(&["c", "b", "a"])));
    assert_eq!(tree.path(&rev("1-a")), Some(hashes(&["a"])));
    assert_eq!(tree.path(&rev("3-x")), None);
    assert_eq!(tree.is_deleted(&rev("3-c")), Some(true));
    assert_eq!(tree.is_deleted(&rev("2-b")), Some(false));
}

#[test]
fn stemming_keeps_the_last_revisions_of_each_branch() {
    let mut tree = build(&[
        Graft("5-e", &["e", "d", "c", "b", "a"], false),
        Graft("2-x", &["x", "a"], false),
    ]);
    let removed = tree.stem(3);
    assert_eq!(
        removed,
        vec![rev("2-b")],
        "1-a stays: it is 1 step from the leaf 2-x"
    );
    assert_eq!(tree.path(&rev("5-e")), Some(hashes(&["e", "d", "c"])));
    assert_eq!(tree.path(&rev("2-x")), Some(hashes(&["x", "a"])));
    assert_eq!(tree.winner().unwrap().rev, rev("5-e"));
    assert!(tree.stem(3).is_empty(), "stemming again removes nothing");
    tree.stem(0);
    let all: Vec<Rev> = tree.revs().cloned().collect();
    assert_eq!(
        all,
        vec![rev("5-e"), rev("2-x")],
        "a limit of 0 still keeps every leaf"
    );
}

#[test]
fn stored_form_is_compact_and_round_trips() {
    let tree = build(&[
        Edit(None, "1-a", false),
        Edit(Some("1-a"), "2-b", false),
        Graft("2-c", &["c", "a"], true),
    ]);
    let json = serde_json::to_string(&tree).unwrap();
    assert_eq!(json, r#"[[1,"a",0,0],[2,"b",1,0],[2,"c",2,1]]"#);
    let back: RevTree = serde_json::from_str(&json).unwrap();
    assert_eq!(back, tree);
}

#[test]
fn corrupt_stored_trees_are_rejected() {
    let bad = [
        (r#"[[1,"a",1,0]]"#, "parent outside the tree"),
        (
            r#"[[1,"a",0,0],[3,"b",1,0]]"#,
            "position does not follow the parent",
        ),
        (r#"[[1,"a",0,0],[1,"a",0,0]]"#, "duplicate revision"),
        (r#"[[1,"a",0,2]]"#, "deleted flag not 0 or 1"),
        (r#"[[0,"a",0,0]]"#, "position 0"),
        (r#"[[1,"",0,0]]"#, "empty hash"),
    ];
    for (json, why) in bad {
        assert!(
            serde_json::from_str::<RevTree>(json).is_err(),
            "should reject: {why}"
        );
    }
}

#[test]
fn common_ancestor_is_the_deepest_revision_both_branches_share() {
    let tree = build(&[
        Edit(None, "1-a", false),
        Edit(Some("1-a"), "2-b", false),
        Edit(Some("2-b"), "3-c", false),
        Graft("3-x", &["x", "b", "a"], false),
        Graft("4-y", &["y", "z", "w", "a"], false),
        Graft("2-q", &["q", "p"], false),
    ]);
    assert_eq!(
        tree.common_ancestor(&rev("3-c"), &rev("3-x")),
        Some(rev("2-b"))
    );
    assert_eq!(
        tree.common_ancestor(&rev("3-c"), &rev("4-y")),
        Some(rev("1-a"))
    );
    assert_eq!(
        tree.common_ancestor(&rev("3-c"), &rev("2-b")),
        Some(rev("2-b")),
        "an ancestor of the other is the meeting point"
    );
    assert_eq!(
        tree.common_ancestor(&rev("3-c"), &rev("2-q")),
        None,
        "histories that never meet (another root)"
    );
    assert_eq!(tree.common_ancestor(&rev("3-c"), &rev("9-n")), None);
    assert_eq!(tree.parent(&rev("3-x")), Some(&rev("2-b")));
    assert_eq!(tree.parent(&rev("1-a")), None);
    assert!(tree.is_ancestor(&rev("1-a"), &rev("4-y")));
    assert!(!tree.is_ancestor(&rev("2-b"), &rev("4-y")));
    assert!(
        !tree.is_ancestor(&rev("3-c"), &rev("3-c")),
        "proper ancestors only"
    );
}
