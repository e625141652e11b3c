//! Comparison keys for people's and companies' names: accent folding, punctuation, courtesy
//! titles and legal-form suffixes removed, and a small edit distance for typos.

use crate::search::normalize;

/// Legal forms, written without spaces or punctuation ("S.A. de C.V." → "sadecv"), that end a
/// company's name and say nothing about which company it is.
const LEGAL_FORMS: &str = concat!(
    "sadecv sabdecv sapidecv sapi sderldecv srldecv sdecv scdecv sa sab sau sal sl slu ",
    "sll slne sc scp scoop coop sas sac saa srl eirl ltda ltd limitada cia ycia cialtda ",
    "ycialtda sociedadanonima sociedadlimitada inc llc llp lp plc corp co gmbh ag bv nv ",
    "spa sarl lda"
);

/// Courtesy and academic titles written before names on cards and forms.
const TITLES: &str = concat!(
    "lic licda licdo ing inga dr dra arq mtro mtra prof sr sra srta don dona cp mr mrs ms ",
    "miss sir"
);

/// True when `word` is one of the space-separated words of `list`.
pub(crate) fn listed(list: &str, word: &str) -> bool {
    !word.is_empty() && list.split(' ').any(|w| w == word)
}

/// Lower-case ASCII-folded words of `s`, split at anything that is not a letter or digit
/// ("Núñez-Peña, José" → ["nunez", "pena", "jose"]). Dots join ("S.A." → "sa") so
/// abbreviations stay one word.
pub(crate) fn words(s: &str) -> Vec<String> {
    let folded = normalize(s).replace(['.', '\''], "");
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// True for a courtesy or academic title ("Lic.", "Dra", "Sr.").
pub(crate) fn is_title(word: &str) -> bool {
    let w = normalize(word).replace('.', "");
    listed(TITLES, &w)
}

/// The comparison key of a person's name: its folded words without leading titles
/// ("Lic. José Núñez Peña" → ["jose", "nunez", "pena"]).
pub(crate) fn person_key(given: &str, family: &str) -> Vec<String> {
    let mut w = words(given);
    w.extend(words(family));
    while w.first().is_some_and(|t| listed(TITLES, t)) {
        w.remove(0);
    }
    w
}

/// The comparison key of a company: folded words with trailing legal forms removed
/// ("Aceros del Norte, S.A. de C.V." → "aceros del norte"). A name that is nothing but a legal
/// form keeps it.
pub(crate) fn company_key(name: &str) -> String {
    let mut w = words(name);
    while let Some(n) = legal_suffix_len(&w) {
        if n == w.len() {
            break;
        }
        w.truncate(w.len() - n);
    }
    w.join(" ")
}

/// How many trailing words of `w` form one legal form, preferring the longest.
fn legal_suffix_len(w: &[String]) -> Option<usize> {
    (1..=w.len().min(6)).rev().find(|&n| {
        let joined: String = w[w.len() - n..].concat();
        listed(LEGAL_FORMS, &joined)
    })
}

/// True when `name` ends with a legal form ("Aceros del Norte S.A. de C.V.").
pub(crate) fn has_legal_form(name: &str) -> bool {
    let w = words(name);
    legal_suffix_len(&w).is_some_and(|n| n < w.len())
}

/// Edits (insertions, deletions, substitutions, swaps of neighbours) between `a` and `b`
/// (optimal string alignment), counting characters.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    let at = |i: usize, j: usize| i * width + j;
    for i in 0..=a.len() {
        d[at(i, 0)] = i;
    }
    for j in 0..=b.len() {
        d[at(0, j)] = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[at(i - 1, j)] + 1)
                .min(d[at(i, j - 1)] + 1)
                .min(d[at(i - 1, j - 1)] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[at(i - 2, j - 2)] + 1);
            }
            d[at(i, j)] = v;
        }
    }
    d[at(a.len(), b.len())]
}

/// Typos tolerated in a word or name of `len` characters: none up to 4, one up to 8, two
/// beyond.
pub(crate) fn allowed_edits(len: usize) -> usize {
    match len {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// "Mario"/"María", "Juan"/"Juana", "Alejandro"/"Alejandra": the same stem with another
/// final vowel is another person, however small the edit.
fn gender_pair(a: &str, b: &str) -> bool {
    let stem = |s: &str| s.trim_end_matches(['a', 'o', 'e']).to_owned();
    a != b && stem(a) == stem(b)
}

/// The edits between two words when they may be the same word mistyped.
fn word_edits(a: &str, b: &str) -> Option<usize> {
    if a == b {
        return Some(0);
    }
    if gender_pair(a, b) {
        return None;
    }
    let d = edit_distance(a, b);
    let len = a.chars().count().min(b.chars().count());
    (d <= allowed_edits(len)).then_some(d)
}

/// Near-identical people's names: word by word in order, each within its typo allowance and
/// two edits in all; one side may have one more trailing word (a second surname) when the
/// shorter has at least two.
pub(crate) fn similar_person(a: &[String], b: &[String]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.is_empty() || long.len() - short.len() > 1 || (short.len() < 2 && long.len() > 1) {
        return false;
    }
    let mut total = 0;
    for (x, y) in short.iter().zip(long) {
        match word_edits(x, y) {
            Some(d) => total += d,
            None => return false,
        }
    }
    total <= 2
}

/// Near-identical company keys (see [`company_key`]): equal, or within the typo allowance of
/// the shorter key with the same numbers ("Talleres 2000" is not "Talleres 3000").
pub(crate) fn similar_company(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    let len = a.chars().count().min(b.chars().count());
    a == b || (digits(a) == digits(b) && edit_distance(a, b) <= allowed_edits(len))
}
