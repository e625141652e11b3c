//! One row of a record list: a link with an avatar, the name, a secondary line and tags.

use leptos::prelude::*;

/// Up to two initials of a name ("José García" → "JG"), for the avatar.
pub fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_alphanumeric())
        .take(2)
        .flat_map(char::to_uppercase)
        .collect()
}

/// A stable hue for a record, so its avatar keeps its colour.
fn hue(id: &str) -> u32 {
    id.bytes()
        .fold(7u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)))
        % 360
}

/// A list row linking to `href`. Its accessible name is the title followed by the subtitle.
#[component]
pub fn RecordListItem(
    href: String,
    id: String,
    title: String,
    subtitle: String,
    #[prop(optional)] tags: Vec<String>,
) -> impl IntoView {
    let avatar_style = format!("--avatar-hue: {}", hue(&id));
    let initials = initials(&title);
    view! {
        <a href=href class="record-row">
            <span class="avatar" aria-hidden="true" style=avatar_style>{initials}</span>
            <span class="record-row-text">
                <span class="record-row-title">{title}</span>
                <span class="record-row-sub">{subtitle}</span>
            </span>
            <span class="record-row-tags">
                {tags.into_iter().take(3).map(|t| view! { <span class="tag">{t}</span> }).collect_view()}
            </span>
        </a>
    }
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    #[wasm_bindgen_test]
    fn initials_take_the_first_letters_of_two_words() {
        assert_eq!(initials("José García López"), "JG");
        assert_eq!(initials("ñandú"), "Ñ");
        assert_eq!(initials("  "), "");
    }
}
