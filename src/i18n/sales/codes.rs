//! Words for the sales domain's codes and values: deal status, forecast category, close reason,
//! field names and validation errors, periods.

use super::*;

pub(super) fn deal_count(l: Locale, n: usize) -> String {
    let noun = match (l, n == 1) {
        (Locale::Es, true) => "oportunidad",
        (Locale::Es, false) => "oportunidades",
        (Locale::En, true) => "deal",
        (Locale::En, false) => "deals",
    };
    format!("{} {noun}", int(l, n))
}

pub(super) fn default_stage(l: Locale, n: u8) -> Cow<'static, str> {
    match n {
        1 => pick(l, "Prospección", "Prospecting"),
        2 => pick(l, "Cualificación", "Qualification"),
        3 => pick(l, "Propuesta", "Proposal"),
        4 => pick(l, "Negociación", "Negotiation"),
        _ => pick(l, "Cierre", "Closing"),
    }
}

pub(super) fn status(l: Locale, s: DealStatus) -> Cow<'static, str> {
    match s {
        DealStatus::Open => pick(l, "Abierta", "Open"),
        DealStatus::Won => pick(l, "Ganada", "Won"),
        DealStatus::Lost => pick(l, "Perdida", "Lost"),
    }
}

pub(super) fn category(l: Locale, c: ForecastCategory) -> Cow<'static, str> {
    match c {
        ForecastCategory::Pipeline => pick(l, "Embudo", "Pipeline"),
        ForecastCategory::BestCase => pick(l, "Mejor caso", "Best case"),
        ForecastCategory::Commit => pick(l, "Compromiso", "Commit"),
        ForecastCategory::Closed => pick(l, "Cerrada", "Closed"),
    }
}

pub(super) fn reason(l: Locale, r: CloseReason) -> Cow<'static, str> {
    use CloseReason::*;
    match r {
        Price => pick(l, "Precio", "Price"),
        Product => pick(l, "Producto", "Product"),
        Relationship => pick(l, "Relación", "Relationship"),
        Service => pick(l, "Servicio", "Service"),
        Competitor => pick(l, "Competencia", "Competitor"),
        NoBudget => pick(l, "Sin presupuesto", "No budget"),
        NoDecision => pick(l, "Sin decisión", "No decision"),
        Timing => pick(l, "Momento", "Timing"),
        NoResponse => pick(l, "Sin respuesta", "No response"),
        Other => pick(l, "Otro", "Other"),
    }
}

pub(super) fn field(l: Locale, f: SalesField) -> Cow<'static, str> {
    use SalesField::*;
    match f {
        Title => pick(l, "Título", "Title"),
        AccountId => pick(l, "Empresa", "Company"),
        ContactId => pick(l, "Contacto", "Contact"),
        Owner => pick(l, "Comercial", "Rep"),
        Amount => pick(l, "Importe", "Amount"),
        Currency => pick(l, "Moneda", "Currency"),
        ExpectedClose => pick(l, "Cierre previsto", "Expected close"),
        PipelineId => pick(l, "Embudo", "Pipeline"),
        StageId => pick(l, "Etapa", "Stage"),
        Probability => pick(l, "Probabilidad (%)", "Probability (%)"),
        Category => pick(l, "Categoría de previsión", "Forecast category"),
        Campaign => pick(l, "Campaña u origen", "Campaign or source"),
        Notes => pick(l, "Notas", "Notes"),
        _ => pick(l, "Campo", "Field"),
    }
}

pub(super) fn error(l: Locale, c: SalesCode) -> Cow<'static, str> {
    use SalesCode::*;
    match c {
        Required => pick(l, "Obligatorio.", "Required."),
        TooLong => pick(l, "Demasiado largo.", "Too long."),
        TooMany => pick(l, "Demasiadas filas.", "Too many rows."),
        Duplicate => pick(l, "Repetido.", "Duplicated."),
        InvalidAmount => pick(
            l,
            "No es un importe (ej. 12.500,00).",
            "Not an amount (e.g. 12,500.00).",
        ),
        TooManyDecimals => pick(
            l,
            "Demasiados decimales para esta moneda.",
            "Too many decimals for this currency.",
        ),
        Negative => pick(l, "No puede ser negativo.", "Cannot be negative."),
        OutOfRange => pick(l, "Demasiado grande.", "Too large."),
        UnknownCurrency => pick(l, "Moneda desconocida.", "Unknown currency."),
        InvalidDate => pick(l, "Fecha no válida.", "Not a valid date."),
        InvalidTime => pick(l, "Hora no válida.", "Not a valid time."),
        InvalidPercent => pick(l, "Un número de 0 a 100.", "A number from 0 to 100."),
        InvalidNumber => pick(l, "Un número entero.", "A whole number."),
        UnknownStage => pick(l, "Etapa desconocida.", "Unknown stage."),
        LineTotalOverflow => pick(
            l,
            "Total de línea demasiado grande.",
            "Line total too large.",
        ),
    }
}

/// "mar 2026" / "Mar 2026", "T1 2026" / "Q1 2026".
pub fn fmt_period(l: Locale, p: Period) -> String {
    match p.kind {
        PeriodKind::Quarter => match l {
            Locale::Es => format!("T{} {}", p.number, p.year),
            Locale::En => format!("Q{} {}", p.number, p.year),
        },
        PeriodKind::Month => {
            const ES: [&str; 12] = [
                "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic",
            ];
            const EN: [&str; 12] = [
                "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
            ];
            let i = (p.number as usize).saturating_sub(1).min(11);
            let names = if l == Locale::Es { ES } else { EN };
            format!("{} {}", names.get(i).copied().unwrap_or_default(), p.year)
        }
    }
}
