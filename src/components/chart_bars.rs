//! An accessible bar chart in inline SVG (no chart crate, no network): grouped bars per row,
//! optionally one series drawn as a line (a quota). The SVG is `role="img"` with `<title>` and
//! `<desc>`; the same numbers are in a visually hidden table for screen readers.

use leptos::prelude::*;

/// One group of bars: its label and one `(value, formatted value)` per series.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartRow {
    pub label: String,
    pub values: Vec<(f64, String)>,
}

const W: f64 = 640.0;
const H: f64 = 260.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 40.0;
const LEFT: f64 = 8.0;

/// Bars for every series except `line`, which is drawn as a polyline over the groups.
#[component]
pub fn BarChart(
    #[prop(into)] title: Signal<String>,
    #[prop(into)] desc: Signal<String>,
    #[prop(into)] series: Signal<Vec<String>>,
    #[prop(into)] rows: Signal<Vec<ChartRow>>,
    /// The series drawn as a line, if any.
    #[prop(optional)]
    line: Option<usize>,
    /// A unique id prefix for the title and description.
    id: &'static str,
) -> impl IntoView {
    let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
    let labelled = format!("{title_id} {desc_id}");
    view! {
        <figure class="chart">
            <figcaption class="chart-caption">{title}</figcaption>
            <svg class="chart-svg" viewBox=format!("0 0 {W} {H}") role="img" aria-labelledby=labelled preserveAspectRatio="xMidYMid meet">
                <title id=title_id>{title}</title>
                <desc id=desc_id>{desc}</desc>
                {move || plot(&rows.get(), line)}
            </svg>
            <Legend series line />
            // Hidden by a wrapper: a table never shrinks below its content, so a hidden table
            // itself would stay as wide as its text and widen a phone's page.
            <div class="visually-hidden">
                <table>
                    <caption>{title}</caption>
                    <thead><tr><th scope="col"></th>{move || series.get().into_iter().map(|s| view! { <th scope="col">{s}</th> }).collect_view()}</tr></thead>
                    <tbody>
                        {move || rows.get().into_iter().map(|r| view! {
                            <tr><th scope="row">{r.label}</th>{r.values.into_iter().map(|(_, t)| view! { <td>{t}</td> }).collect_view()}</tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </figure>
    }
}

#[component]
fn Legend(series: Signal<Vec<String>>, line: Option<usize>) -> impl IntoView {
    view! {
        <ul class="chart-legend" aria-hidden="true">
            {move || series.get().into_iter().enumerate().map(|(i, s)| {
                let class = if Some(i) == line { "chart-key chart-key-line".to_owned() } else { format!("chart-key chart-s{i}") };
                view! { <li><span class=class></span>{s}</li> }
            }).collect_view()}
        </ul>
    }
}

/// The bars, the line and the group labels.
fn plot(rows: &[ChartRow], line: Option<usize>) -> impl IntoView + use<> {
    let max = (rows.iter())
        .flat_map(|r| r.values.iter().map(|(v, _)| *v))
        .fold(0.0_f64, f64::max)
        .max(1.0);
    let n = rows.len().max(1) as f64;
    let group_w = (W - LEFT * 2.0) / n;
    let bars_per_group = rows
        .first()
        .map_or(1, |r| r.values.len())
        .saturating_sub(usize::from(line.is_some()))
        .max(1);
    let bar_w = (group_w * 0.8) / bars_per_group as f64;
    let y = |v: f64| TOP + (H - TOP - BOTTOM) * (1.0 - v / max);
    let mut bars = Vec::new();
    let mut labels = Vec::new();
    let mut points = Vec::new();
    for (gi, r) in rows.iter().enumerate() {
        let x0 = LEFT + group_w * gi as f64 + group_w * 0.1;
        let mut bi = 0usize;
        for (si, (v, _)) in r.values.iter().enumerate() {
            if Some(si) == line {
                points.push(format!("{},{}", px(x0 + group_w * 0.4), px(y(*v))));
                continue;
            }
            let top = y(v.max(0.0));
            let h = (H - BOTTOM - top).max(0.0);
            bars.push(view! { <rect class=format!("chart-bar chart-s{si}") x=px(x0 + bar_w * bi as f64) y=px(top) width=px((bar_w - 2.0).max(1.0)) height=px(h)></rect> });
            bi += 1;
        }
        labels.push(view! { <text class="chart-label" x=px(x0 + group_w * 0.4) y=px(H - BOTTOM + 16.0) text-anchor="middle">{short(&r.label)}</text> });
    }
    let poly = (!points.is_empty()).then(
        || view! { <polyline class="chart-line" points=points.join(" ") fill="none"></polyline> },
    );
    view! {
        <line class="chart-axis" x1=px(LEFT) y1=px(H - BOTTOM) x2=px(W - LEFT) y2=px(H - BOTTOM)></line>
        {bars}
        {poly}
        {labels}
    }
}

/// An SVG coordinate with one decimal, written without float formatting (which would pull the
/// float printing code of `core::fmt` into the wasm for this alone).
fn px(v: f64) -> String {
    let tenths = (v * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let a = tenths.unsigned_abs();
    format!("{sign}{}.{}", a / 10, a % 10)
}

/// Long labels cut for the axis (the table keeps them whole).
fn short(s: &str) -> String {
    let mut out: String = s.chars().take(12).collect();
    if s.chars().count() > 12 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::px;

    #[wasm_bindgen_test]
    fn coordinates_have_one_rounded_decimal() {
        assert_eq!(px(0.0), "0.0");
        assert_eq!(px(12.34), "12.3");
        assert_eq!(px(12.36), "12.4");
        assert_eq!(px(248.0), "248.0");
        assert_eq!(px(-3.25), "-3.3");
        assert_eq!(px(-0.04), "0.0");
    }
}
