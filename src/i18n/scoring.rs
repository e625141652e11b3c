//! Messages of Settings › Lead scoring (the scoring rules editor). Exhaustive for es and en.

use std::borrow::Cow;

use cartera_core::domain::leads::Condition;

use super::{Locale, Message, source_text};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScoringMsg {
    Title,
    Hint,
    ReadOnly,
    /// A rule's legend: what its condition asks (values as stored).
    Rule(Condition),
    Points,
    On,
    /// The remove button's accessible name, with the rule's legend.
    Remove(String),
    PointsError,
    Saved,
    Restored,
}

fn pick(l: Locale, es: &'static str, en: &'static str) -> Cow<'static, str> {
    Cow::Borrowed(match l {
        Locale::Es => es,
        Locale::En => en,
    })
}

fn rule(c: &Condition, l: Locale) -> String {
    use Condition::*;
    let es = l == Locale::Es;
    let list = |label_es: &str, label_en: &str, items: &[String]| {
        format!(
            "{}: {}",
            if es { label_es } else { label_en },
            items.join(", ")
        )
    };
    match c {
        IndustryIs { industries } => list("Sector", "Industry", industries),
        RegionIn { regions } => list("Provincia o región", "Province or region", regions),
        CountryIn { countries } => list("País", "Country", countries),
        PostalCodeStarts { prefixes } => list("Código postal", "Postal code", prefixes),
        InterestIn { products } => list("Interés en", "Interested in", products),
        JobTitleHas { words } => list("Cargo con", "Job title with", words),
        SourceIs { source } => list("Origen", "Source", &[source_text(source, l)]),
        SizeAtLeast { employees: n } if es => format!("{n} empleados o más"),
        SizeAtLeast { employees: n } => format!("{n} employees or more"),
        SizeBelow { employees: n } if es => format!("Menos de {n} empleados"),
        SizeBelow { employees: n } => format!("Fewer than {n} employees"),
        ActivityWithin { days, at_least, .. } => match (es, *at_least <= 1) {
            (true, true) => format!("Alguna actividad en los últimos {days} días"),
            (true, false) => format!("Al menos {at_least} actividades en los últimos {days} días"),
            (false, true) => format!("An activity in the last {days} days"),
            (false, false) => format!("At least {at_least} activities in the last {days} days"),
        },
        NoActivityWithin { days } if es => format!("Sin actividad en los últimos {days} días"),
        NoActivityWithin { days } => format!("No activity in the last {days} days"),
        CampaignResponded { campaign, .. } => list(
            "Respuesta a campaña",
            "Campaign response",
            &[campaign.clone().unwrap_or_default()],
        ),
    }
}

impl Message for ScoringMsg {
    fn text(&self, l: Locale) -> Cow<'static, str> {
        use ScoringMsg::*;
        match self {
            Title => pick(l, "Puntuación de prospectos", "Lead scoring"),
            Hint => pick(
                l,
                "Cada regla que cumple un prospecto suma (o resta) sus puntos.",
                "Each rule a lead meets adds (or takes away) its points.",
            ),
            ReadOnly => pick(
                l,
                "Solo un responsable o un administrador puede cambiar la puntuación.",
                "Only a manager or an admin can change scoring.",
            ),
            Rule(c) => Cow::Owned(rule(c, l)),
            Points => pick(l, "Puntos", "Points"),
            On => pick(l, "Activa", "On"),
            Remove(what) => Cow::Owned(match l {
                Locale::Es => format!("Quitar la regla «{what}»"),
                Locale::En => format!("Remove the rule “{what}”"),
            }),
            PointsError => pick(
                l,
                "Un número entero de -1000 a 1000.",
                "A whole number from -1000 to 1000.",
            ),
            Saved => pick(l, "Puntuación guardada", "Scoring saved"),
            Restored => pick(l, "Puntuación restaurada", "Scoring restored"),
        }
    }
}
