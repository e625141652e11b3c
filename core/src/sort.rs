//! Stable in-place sorts that share ONE copy of the standard library's sort in the wasm.
//!
//! Why: `slice::sort_by` and friends are monomorphized per element type × comparator closure,
//! and each copy of driftsort / ipnsort is 5-10 KB of code. Measured with twiggy on the release
//! wasm before wasm-opt: 43 such copies (32 stable, 11 unstable), ~280 KB of raw code, while
//! the wasm was 627,556 bytes brotli against a 600 KiB budget.
//!
//! Here the generic part is tiny: the comparator is erased to `&dyn Fn(usize, usize)` over
//! indices, the one non-generic [`sorted_order`] sorts a `Vec<usize>` (the only instance of the
//! std sort it brings in), and the permutation is applied in place by swaps, also non-generic.
//! Stable, like `slice::sort`: equal elements keep their order.
//!
//! Costs: an index vector and a flag vector (2 words + 1 byte per element) and an indirect call
//! per comparison. Fine for UI lists, domain results and revision trees (a handful of leaves);
//! the hot paths over large inputs (`search` index building and queries) keep the std sorts on
//! purpose.

use std::cmp::Ordering;

/// The order of `0..len` under `cmp`, stable: `result[i]` is the index of the element that
/// belongs at position `i`.
fn sorted_order(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    // Indices start ascending and the sort is stable, so ties stay in their original order.
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Moves element `order[i]` to position `i` for every `i`, following each cycle of the
/// permutation once with `swap`.
fn permute(order: &[usize], swap: &mut dyn FnMut(usize, usize)) {
    let mut done = vec![false; order.len()];
    for start in 0..order.len() {
        if done[start] {
            continue;
        }
        // Invariant: position `at` still holds the element first at `start`; every position
        // before it on the cycle already holds its final element.
        let mut at = start;
        loop {
            done[at] = true;
            let from = order[at];
            if from == start {
                break;
            }
            swap(at, from);
            at = from;
        }
    }
}

/// Like `slice::sort_by`: stable, in place.
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = {
        let v: &[T] = v;
        sorted_order(v.len(), &|a, b| cmp(&v[a], &v[b]))
    };
    permute(&order, &mut |a, b| v.swap(a, b));
}

/// Like `slice::sort_by_key`: stable, in place; `key` runs on every comparison.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Like `slice::sort_by_cached_key` (but stable): `key` runs once per element, for keys that
/// allocate or are otherwise costly.
pub fn sort_by_cached_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    let keys: Vec<K> = v.iter().map(key).collect();
    let order = sorted_order(keys.len(), &|a, b| keys[a].cmp(&keys[b]));
    permute(&order, &mut |a, b| v.swap(a, b));
}

/// Like `slice::sort`: stable, in place.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// splitmix64, for deterministic "random" data.
    fn data(seed: u64, len: usize, range: u64) -> Vec<u64> {
        let mut s = seed;
        (0..len)
            .map(|_| {
                s = s.wrapping_add(0x9E37_79B9_7F4A_7C15);
                let mut z = s;
                z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
                z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
                (z ^ (z >> 31)) % range
            })
            .collect()
    }

    #[test]
    fn matches_std_sort_on_random_data() {
        for (seed, len, range) in [
            (1, 10, 5),
            (2, 100, 1000),
            (3, 1000, 10),
            (4, 5000, 1 << 40),
        ] {
            let mut ours = data(seed, len, range);
            let mut std = ours.clone();
            sort(&mut ours);
            std.sort();
            assert_eq!(ours, std, "seed {seed}");
        }
    }

    #[test]
    fn is_stable() {
        // Sort by a coarse key; the second field records the original position.
        let keys = data(7, 2000, 8);
        let mut v: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
        let mut std = v.clone();
        sort_by_key(&mut v, |p| p.0);
        std.sort_by_key(|p| p.0);
        assert_eq!(v, std);
        assert!(v.windows(2).all(|w| w[0].0 < w[1].0 || w[0].1 < w[1].1));

        let mut w: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
        sort_by_cached_key(&mut w, |p| p.0);
        assert_eq!(w, std);

        let mut r: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
        let mut std_r = r.clone();
        sort_by(&mut r, |a, b| b.0.cmp(&a.0));
        std_r.sort_by_key(|p| std::cmp::Reverse(p.0));
        assert_eq!(r, std_r);
    }

    #[test]
    fn empty_and_one() {
        let mut e: Vec<String> = Vec::new();
        sort(&mut e);
        assert!(e.is_empty());
        let mut one = vec!["x".to_owned()];
        sort(&mut one);
        assert_eq!(one, ["x"]);
    }

    #[test]
    fn all_equal_keeps_order() {
        let mut v: Vec<(u8, usize)> = (0..50).map(|i| (3, i)).collect();
        let before = v.clone();
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, before);
    }

    #[test]
    fn reverse_sorted() {
        let mut v: Vec<i32> = (0..300).rev().collect();
        sort(&mut v);
        assert_eq!(v, (0..300).collect::<Vec<_>>());
    }

    #[test]
    fn non_clone_elements() {
        struct NoClone(u32);
        let mut v: Vec<NoClone> = data(9, 200, 50)
            .into_iter()
            .map(|x| NoClone(u32::try_from(x).unwrap()))
            .collect();
        sort_by_key(&mut v, |n| n.0);
        assert!(v.windows(2).all(|w| w[0].0 <= w[1].0));
    }
}
