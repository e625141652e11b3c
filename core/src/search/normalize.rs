//! Case and accent folding.
//!
//! A hand table for Latin-1 Supplement and Latin Extended-A (plus dropping combining marks,
//! so decomposed input folds too) instead of `unicode-normalization`: those two blocks cover
//! Spanish, Portuguese, Catalan, Galician, Basque and the European languages our customers'
//! contacts write, and the crate's decomposition tables would add tens of kilobytes to the
//! wasm bundle for scripts nobody searches here. Other characters are only lower-cased.

/// Lower case with accents folded: "José Muñoz" → "jose munoz", "Çà" → "ca", "ß" → "ss",
/// "Œ" → "oe". Keeps every other character (lower-cased), spaces and punctuation included.
pub fn normalize(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if let Some(folded) = fold(c) {
            out.push_str(folded);
        } else if !is_combining_mark(c) {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Combining diacritical marks (U+0300–U+036F): "e\u{301}" is "é" decomposed.
fn is_combining_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// The ASCII form of a letter of Latin-1 Supplement or Latin Extended-A, either case.
fn fold(c: char) -> Option<&'static str> {
    latin1(c).or_else(|| latin_extended_a(c))
}

fn latin1(c: char) -> Option<&'static str> {
    Some(match c {
        'À'..='Å' | 'à'..='å' | 'ª' => "a",
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' => "c",
        'È'..='Ë' | 'è'..='ë' => "e",
        'Ì'..='Ï' | 'ì'..='ï' => "i",
        'Ð' | 'ð' => "d",
        'Ñ' | 'ñ' => "n",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'º' => "o",
        'Ù'..='Ü' | 'ù'..='ü' => "u",
        'Ý' | 'ý' | 'ÿ' => "y",
        'Þ' | 'þ' => "th",
        'ß' => "ss",
        _ => return None,
    })
}

fn latin_extended_a(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{100}'..='\u{105}' => "a",
        '\u{106}'..='\u{10d}' => "c",
        '\u{10e}'..='\u{111}' => "d",
        '\u{112}'..='\u{11b}' => "e",
        '\u{11c}'..='\u{123}' => "g",
        '\u{124}'..='\u{127}' => "h",
        '\u{128}'..='\u{131}' => "i",
        '\u{132}' | '\u{133}' => "ij",
        '\u{134}' | '\u{135}' => "j",
        '\u{136}'..='\u{138}' => "k",
        '\u{139}'..='\u{142}' => "l",
        '\u{143}'..='\u{14b}' => "n",
        '\u{14c}'..='\u{151}' => "o",
        '\u{152}' | '\u{153}' => "oe",
        '\u{154}'..='\u{159}' => "r",
        '\u{15a}'..='\u{161}' | '\u{17f}' => "s",
        '\u{162}'..='\u{167}' => "t",
        '\u{168}'..='\u{173}' => "u",
        '\u{174}' | '\u{175}' => "w",
        '\u{176}'..='\u{178}' => "y",
        '\u{179}'..='\u{17e}' => "z",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn spanish_names_fold_to_ascii() {
        assert_eq!(normalize("José"), "jose");
        assert_eq!(normalize("Muñoz"), "munoz");
        assert_eq!(normalize("NÚÑEZ"), "nunez");
        assert_eq!(normalize("Peña Álvarez"), "pena alvarez");
        assert_eq!(normalize("Íñigo Ibáñez-Güell"), "inigo ibanez-guell");
        assert_eq!(
            normalize("A Coruña, Bogotá, Medellín"),
            "a coruna, bogota, medellin"
        );
    }

    #[test]
    fn other_latin_letters_fold_too() {
        assert_eq!(normalize("Çà"), "ca");
        assert_eq!(normalize("Straße"), "strasse");
        assert_eq!(
            normalize("Œuvre Æther Łódź Dvořák Ørsted"),
            "oeuvre aether lodz dvorak orsted"
        );
        assert_eq!(normalize("Nº 3, 1ª planta"), "no 3, 1a planta");
        assert_eq!(normalize("İstanbul ĳ"), "istanbul ij");
    }

    #[test]
    fn decomposed_accents_fold_like_composed_ones() {
        assert_eq!(normalize("Jose\u{301} Mun\u{303}oz"), "jose munoz");
    }

    #[test]
    fn other_scripts_are_only_lower_cased() {
        assert_eq!(normalize("ΑΘΗΝΑ Москва"), "αθηνα москва");
        assert_eq!(normalize(""), "");
    }
}
