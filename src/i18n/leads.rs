//! Messages of the lead screens: list, quick capture, detail and conversion. Score reasons,
//! statuses, sources and validation codes from the domain become words here.

use std::borrow::Cow;

use cartera_core::domain::leads::{
    AccountMatch, LeadErrorCode, LeadField, LeadFieldError, LeadSource, LeadStatus, MatchKind,
    ReasonCode,
};
use cartera_core::domain::{ErrorCode, Field, FieldError};

use super::{FieldErrorText, Locale, Message, fmt_int};

mod words;
use words::plain;

fn int(locale: Locale, n: i64) -> String {
    fmt_int(locale, n)
}

fn usize_int(locale: Locale, n: usize) -> String {
    fmt_int(locale, i64::try_from(n).unwrap_or(i64::MAX))
}

/// A status in words.
pub fn status_text(s: LeadStatus, locale: Locale) -> &'static str {
    use LeadStatus::*;
    use Locale::*;
    match (s, locale) {
        (New, Es) => "Nuevo",
        (New, En) => "New",
        (Contacted, Es) => "Contactado",
        (Contacted, En) => "Contacted",
        (Qualified, Es) => "Cualificado",
        (Qualified, En) => "Qualified",
        (Disqualified, Es) => "Descartado",
        (Disqualified, En) => "Disqualified",
        (Converted, Es) => "Convertido",
        (Converted, En) => "Converted",
    }
}

/// A source in words ("Campaña: feria-2026").
pub fn source_text(s: &LeadSource, locale: Locale) -> String {
    use LeadSource::*;
    use Locale::*;
    match (s, locale) {
        (Web, _) => "Web".into(),
        (Referral, Es) => "Recomendación".into(),
        (Referral, En) => "Referral".into(),
        (Event, Es) => "Evento".into(),
        (Event, En) => "Event".into(),
        (Campaign(id), Es) => format!("Campaña: {id}"),
        (Campaign(id), En) => format!("Campaign: {id}"),
        (ColdCall, Es) => "Llamada en frío".into(),
        (ColdCall, En) => "Cold call".into(),
        (Other, Es) => "Otro".into(),
        (Other, En) => "Other".into(),
    }
}

/// One score reason: "+20 sector: Acero".
pub struct Reason<'a>(pub i32, pub &'a ReasonCode);

impl Message for Reason<'_> {
    fn text(&self, locale: Locale) -> Cow<'static, str> {
        use Locale::*;
        use ReasonCode as R;
        let l = locale;
        let what = match (self.1, l) {
            (R::Industry { industry }, Es) => format!("sector: {industry}"),
            (R::Industry { industry }, En) => format!("industry: {industry}"),
            (
                R::SizeAtLeast {
                    employees,
                    threshold,
                },
                Es,
            ) => format!(
                "{} empleados (desde {})",
                int(l, (*employees).into()),
                int(l, (*threshold).into())
            ),
            (
                R::SizeAtLeast {
                    employees,
                    threshold,
                },
                En,
            ) => format!(
                "{} employees ({} or more)",
                int(l, (*employees).into()),
                int(l, (*threshold).into())
            ),
            (
                R::SizeBelow {
                    employees,
                    threshold,
                },
                Es,
            ) => format!(
                "{} empleados (menos de {})",
                int(l, (*employees).into()),
                int(l, (*threshold).into())
            ),
            (
                R::SizeBelow {
                    employees,
                    threshold,
                },
                En,
            ) => format!(
                "{} employees (under {})",
                int(l, (*employees).into()),
                int(l, (*threshold).into())
            ),
            (R::Region { region }, Es) => format!("provincia: {region}"),
            (R::Region { region }, En) => format!("region: {region}"),
            (R::Country { country }, Es) => format!("país: {country}"),
            (R::Country { country }, En) => format!("country: {country}"),
            (R::PostalCode { postal_code }, Es) => format!("código postal {postal_code}"),
            (R::PostalCode { postal_code }, En) => format!("postal code {postal_code}"),
            (R::Source { source }, Es) => format!("origen: {}", source_text(source, l)),
            (R::Source { source }, En) => format!("source: {}", source_text(source, l)),
            (R::Interest { product }, Es) => format!("interés en {product}"),
            (R::Interest { product }, En) => format!("interested in {product}"),
            (R::JobTitle { word }, Es) => format!("cargo: {word}"),
            (R::JobTitle { word }, En) => format!("job title: {word}"),
            (R::RecentActivity { days, count, .. }, Es) => format!(
                "{} {} en {} días",
                int(l, (*count).into()),
                if *count == 1 {
                    "actividad"
                } else {
                    "actividades"
                },
                int(l, (*days).into())
            ),
            (R::RecentActivity { days, count, .. }, En) => format!(
                "{} {} in {} days",
                int(l, (*count).into()),
                if *count == 1 {
                    "activity"
                } else {
                    "activities"
                },
                int(l, (*days).into())
            ),
            (R::NoRecentActivity { days }, Es) => {
                format!("sin actividad en {} días", int(l, (*days).into()))
            }
            (R::NoRecentActivity { days }, En) => {
                format!("no activity in {} days", int(l, (*days).into()))
            }
            (R::CampaignResponse { campaign, .. }, Es) => {
                format!("respondió a la campaña {campaign}")
            }
            (R::CampaignResponse { campaign, .. }, En) => {
                format!("responded to campaign {campaign}")
            }
        };
        let sign = if self.0 >= 0 { "+" } else { "−" };
        Cow::Owned(format!("{sign}{} {what}", int(l, self.0.abs().into())))
    }
}

/// A lead form problem in words.
pub struct LeadErrorText(pub LeadFieldError);

impl Message for LeadErrorText {
    fn text(&self, locale: Locale) -> Cow<'static, str> {
        use Locale::*;
        let LeadFieldError { field, code } = self.0;
        let required = LeadErrorCode::Form(ErrorCode::Required);
        Cow::Borrowed(match (field, code, locale) {
            (LeadField::NameOrCompany, c, Es) if c == required => {
                "Escribe un nombre o una empresa."
            }
            (LeadField::NameOrCompany, c, En) if c == required => "Enter a name or a company.",
            (LeadField::PhoneOrEmail, c, Es) if c == required => "Escribe un teléfono o un correo.",
            (LeadField::PhoneOrEmail, c, En) if c == required => "Enter a phone or an email.",
            (_, LeadErrorCode::NotANumber, Es) => "Escribe un número entero, p. ej. 120.",
            (_, LeadErrorCode::NotANumber, En) => "Enter a whole number, e.g. 120.",
            (_, LeadErrorCode::UnknownSource, Es) => "Elige un origen de la lista.",
            (_, LeadErrorCode::UnknownSource, En) => "Choose a source from the list.",
            (_, LeadErrorCode::Form(code), _) => {
                let generic = FieldError {
                    field: Field::Notes,
                    code,
                };
                return FieldErrorText(generic).text(locale);
            }
        })
    }
}

/// The lead screens' words.
#[derive(Debug, PartialEq, Eq)]
pub enum Leads {
    Title,
    New,
    Search,
    ListLabel,
    Count(usize),
    CountFiltered(usize, usize),
    StatusLabel,
    AnyStatus,
    SourceLabel,
    AnySource,
    MinScoreLabel,
    AnyScore,
    /// "35 puntos".
    Points(i32),
    EmptyTitle,
    EmptyHint,
    CreateFirst,
    NoMatches,
    // Capture.
    CaptureTitle,
    PasteLabel,
    PasteHint,
    FillFromPaste,
    PasteFilled,
    PasteNothing,
    GivenName,
    FamilyName,
    Company,
    Phone,
    Email,
    Interest,
    InterestHint,
    Note,
    Region,
    MoreFields,
    JobTitle,
    Industry,
    CompanySize,
    PostalCode,
    City,
    Website,
    Saving,
    FixFields(usize),
    DuplicatesTitle(usize),
    DuplicatesHint,
    Match(MatchKind),
    MatchLead,
    MatchContact,
    Merge,
    SaveAnyway,
    Open,
    Saved,
    Merged,
    AssignedTo(String),
    ByRule(String),
    ByFallback,
    /// After a hand-over: "reasignado por Ana".
    ReassignedBy(String),
    Score,
    NoReasons,
    CaptureAnother,
    OpenLead,
    // Detail.
    BackToLeads,
    NotFound,
    SectionDetails,
    SectionScore,
    SectionRouting,
    /// From, to, when, by, reason.
    Reassignment(String, String, String, String, String),
    Owner,
    ChangeStatus,
    StatusChanged,
    UseConversion,
    AlreadyConverted,
    Reassign,
    ReassignTo,
    ReassignReason,
    Reassigned,
    Convert,
    ConvertedInto,
    OpenContact,
    OpenAccount,
    OpenDeal,
    AlsoKnown,
    // Conversion.
    ConvertTitle,
    NewContact,
    ExistingAccount(AccountMatch),
    NewAccount,
    NoAccount,
    CreateDeal,
    DealTitle,
    Amount,
    Currency,
    CloseDate,
    Stage,
    ConfirmConvert,
    Converted,
    NeedsPersonName,
    CheckValue,
}

impl Message for Leads {
    fn text(&self, locale: Locale) -> Cow<'static, str> {
        use Leads::*;
        use Locale::*;
        let l = locale;
        Cow::Owned(match (self, l) {
            (Count(n), Es) => format!("{} prospectos", usize_int(l, *n)),
            (Count(n), En) => format!("{} leads", usize_int(l, *n)),
            (CountFiltered(s, t), Es) => {
                format!("{} de {} prospectos", usize_int(l, *s), usize_int(l, *t))
            }
            (CountFiltered(s, t), En) => {
                format!("{} of {} leads", usize_int(l, *s), usize_int(l, *t))
            }
            (Points(n), Es) => format!("{} puntos", int(l, (*n).into())),
            (Points(n), En) => format!("{} points", int(l, (*n).into())),
            (FixFields(n), Es) => format!("Revisa los campos marcados ({n})."),
            (FixFields(n), En) => format!("Please check the marked fields ({n})."),
            (DuplicatesTitle(n), Es) => format!("Posibles duplicados ({n})"),
            (DuplicatesTitle(n), En) => format!("Possible duplicates ({n})"),
            (AssignedTo(who), Es) => format!("Asignado a {who}"),
            (AssignedTo(who), En) => format!("Assigned to {who}"),
            (ReassignedBy(who), Es) => format!("reasignado por {who}"),
            (ReassignedBy(who), En) => format!("reassigned by {who}"),
            (ByRule(id), Es) => format!("por la regla «{id}»"),
            (ByRule(id), En) => format!("by the rule “{id}”"),
            (Reassignment(from, to, at, by, reason), Es) => {
                let r = if reason.is_empty() {
                    String::new()
                } else {
                    format!(": {reason}")
                };
                format!("De {from} a {to} · {at} · por {by}{r}")
            }
            (Reassignment(from, to, at, by, reason), En) => {
                let r = if reason.is_empty() {
                    String::new()
                } else {
                    format!(": {reason}")
                };
                format!("From {from} to {to} · {at} · by {by}{r}")
            }
            (ExistingAccount(m), Es) => format!("Cuenta existente ({})", match_es(*m)),
            (ExistingAccount(m), En) => format!("Existing account ({})", match_en(*m)),
            (Match(k), _) => match_kind(*k, l).to_owned(),
            _ => return Cow::Borrowed(plain(self, l)),
        })
    }
}

fn match_es(m: AccountMatch) -> &'static str {
    match m {
        AccountMatch::TaxId => "mismo NIF",
        AccountMatch::Name => "mismo nombre",
        AccountMatch::Domain => "mismo dominio web",
    }
}

fn match_en(m: AccountMatch) -> &'static str {
    match m {
        AccountMatch::TaxId => "same tax ID",
        AccountMatch::Name => "same name",
        AccountMatch::Domain => "same web domain",
    }
}

fn match_kind(k: MatchKind, l: Locale) -> &'static str {
    match (k, l) {
        (MatchKind::SameEmail, Locale::Es) => "Mismo correo",
        (MatchKind::SameEmail, Locale::En) => "Same email",
        (MatchKind::SamePhone, Locale::Es) => "Mismo teléfono",
        (MatchKind::SamePhone, Locale::En) => "Same phone",
        (MatchKind::SimilarNameCompany, Locale::Es) => "Nombre y empresa parecidos",
        (MatchKind::SimilarNameCompany, Locale::En) => "Similar name and company",
    }
}
