//! Messages of the sales screens: pipeline board, deal list, deal form and detail, forecast,
//! and the sample deals tool. Codes from `cartera_core::domain::sales` become words here.
//! Every match is exhaustive: a missing translation does not compile.

use std::borrow::Cow;

use cartera_core::domain::sales::{
    CloseReason, DealStatus, ForecastCategory, Period, PeriodKind, SalesCode, SalesField,
    SalesFieldError,
};

use super::{Locale, Message, fmt_int};

mod codes;

pub use codes::fmt_period;
use codes::{category, deal_count, default_stage, error, field, reason, status};

/// Spanish or English.
fn pick(l: Locale, es: &'static str, en: &'static str) -> Cow<'static, str> {
    Cow::Borrowed(match l {
        Locale::Es => es,
        Locale::En => en,
    })
}

fn owned(s: String) -> Cow<'static, str> {
    Cow::Owned(s)
}

fn int(l: Locale, n: usize) -> String {
    fmt_int(l, i64::try_from(n).unwrap_or(i64::MAX))
}

/// The sales screens' words.
#[derive(Debug, PartialEq, Eq)]
pub enum SalesMsg {
    NavPipeline,
    PipelineTitle,
    DealsTitle,
    ForecastTitle,
    NewDeal,
    EditDeal,
    /// "1.234 oportunidades".
    DealCount(usize),
    /// The names of the default pipeline's stages, by number (1-5).
    DefaultStage(u8),
    BoardLabel,
    StageTabs,
    ColumnTotals,
    Amount,
    Weighted,
    OwnerFilter,
    AnyOwner,
    Mine,
    CloseFilter,
    AnyDate,
    ThisMonth,
    ThisQuarter,
    NextQuarter,
    StatusFilter,
    Stalled,
    /// "12 días en la etapa".
    DaysInStage(i64),
    MoveTo,
    /// Accessible name of a card's stage select: "Mover «X» a".
    MoveDeal(String),
    MovePrev(String),
    MoveNext(String),
    /// "«X» movida a Y".
    Moved(String, String),
    ShowMore(usize),
    EmptyColumn,
    Created,
    Saved,
    Deleted,
    Restored,
    MarkedWon,
    MarkedLost,
    Reopened,
    NoDeals,
    NoDealsHint,
    CreateFirst,
    OpenSettings,
    BackToDeals,
    NotFound,
    SectionDetails,
    SectionNotes,
    /// "Creada en Prospección".
    EnteredFirst(String),
    /// "De X a Y".
    FromTo(String, String),
    /// "Ciclo de venta: 34 días".
    CycleDays(i64),
    Status(DealStatus),
    Category(ForecastCategory),
    Reason(CloseReason),
    Win,
    Lose,
    Reopen,
    CloseTitle(DealStatus),
    CloseReasonLabel,
    NoReason,
    CloseNoteLabel,
    Confirm,
    DeleteTitle,
    DeleteBody,
    ProbabilityHint(u8),
    AmountHint,
    ContactLabel,
    ContactNone,
    Periods,
    ByMonth,
    ByQuarter,
    Team,
    Rep,
    Period,
    Pipeline,
    StageForecast,
    HistoricalForecast,
    WonAmount,
    Commit,
    BestCase,
    Quota,
    Attainment,
    NoQuotas,
    Slipped(u32),
    ClosingThisPeriod,
    StalledDeals,
    NothingHere,
    ManagerView,
    ByCategory,
    ChartByStage,
    ChartByStageDesc,
    ChartVsQuota,
    ChartVsQuotaDesc,
    ChartWonLost,
    ChartWonLostDesc,
    WonCount,
    LostCount,
    Count,
    Currency,
    WinRate,
    SampleTitle,
    SampleHint,
    SampleLoad,
    SampleSize,
    SampleLoaded(usize),
    Field(SalesField),
    Error(SalesFieldError),
    /// Settings › pipelines and stages.
    PipelinesTitle,
    PipelinesHint,
    PipelinesReadOnly,
    PipelineName,
    /// "Etapa 2": the legend of a stage row.
    StageN(usize),
    StageName,
    StageProbability,
    /// Accessible names of a stage row's buttons, with the stage's name.
    StageUp(String),
    StageDown(String),
    StageRemove(String),
    AddStage,
    PipelineSaved,
    PipelineRestored,
    /// A removed stage still holding open deals: its name and how many.
    StageInUse(String, usize),
    NewPipeline,
    DeletePipeline,
    /// The confirmation's title, with the pipeline's name, and its text.
    DeletePipelineTitle(String),
    DeletePipelineText,
    PipelineCreated,
    PipelineDeleted,
    /// A pipeline deals are in cannot be deleted: its name and how many deals.
    PipelineHasDeals(String, usize),
    /// The default (or only) pipeline cannot be deleted.
    PipelineIsDefault,
}

impl Message for SalesMsg {
    fn text(&self, l: Locale) -> Cow<'static, str> {
        use SalesMsg::*;
        match self {
            NavPipeline => pick(l, "Embudo", "Pipeline"),
            PipelineTitle => pick(l, "Embudo de ventas", "Sales pipeline"),
            DealsTitle => pick(l, "Oportunidades", "Deals"),
            ForecastTitle => pick(l, "Previsión", "Forecast"),
            NewDeal => pick(l, "Nueva oportunidad", "New deal"),
            EditDeal => pick(l, "Editar oportunidad", "Edit deal"),
            DealCount(n) => owned(deal_count(l, *n)),
            DefaultStage(n) => default_stage(l, *n),
            BoardLabel => pick(l, "Tablero de oportunidades", "Deal board"),
            StageTabs => pick(l, "Etapas", "Stages"),
            ColumnTotals => pick(l, "Totales de la etapa", "Stage totals"),
            Amount => pick(l, "Importe", "Amount"),
            Weighted => pick(l, "Ponderado", "Weighted"),
            OwnerFilter => pick(l, "Comercial", "Rep"),
            AnyOwner => pick(l, "Todos", "Everyone"),
            Mine => pick(l, "Mías", "Mine"),
            CloseFilter => pick(l, "Cierre previsto", "Expected close"),
            AnyDate => pick(l, "Cualquier fecha", "Any date"),
            ThisMonth => pick(l, "Este mes", "This month"),
            ThisQuarter => pick(l, "Este trimestre", "This quarter"),
            NextQuarter => pick(l, "Próximo trimestre", "Next quarter"),
            StatusFilter => pick(l, "Estado", "Status"),
            Stalled => pick(l, "Estancada", "Stalled"),
            DaysInStage(d) => match l {
                Locale::Es => owned(format!("{d} días en la etapa")),
                Locale::En => owned(format!("{d} days in stage")),
            },
            MoveTo => pick(l, "Mover a", "Move to"),
            MoveDeal(t) => match l {
                Locale::Es => owned(format!("Etapa de «{t}»")),
                Locale::En => owned(format!("Stage of “{t}”")),
            },
            MovePrev(t) => match l {
                Locale::Es => owned(format!("Mover «{t}» a la etapa anterior")),
                Locale::En => owned(format!("Move “{t}” to the previous stage")),
            },
            MoveNext(t) => match l {
                Locale::Es => owned(format!("Mover «{t}» a la etapa siguiente")),
                Locale::En => owned(format!("Move “{t}” to the next stage")),
            },
            Moved(t, s) => match l {
                Locale::Es => owned(format!("«{t}» movida a {s}")),
                Locale::En => owned(format!("“{t}” moved to {s}")),
            },
            ShowMore(n) => match l {
                Locale::Es => owned(format!("Mostrar {} más", int(l, *n))),
                Locale::En => owned(format!("Show {} more", int(l, *n))),
            },
            EmptyColumn => pick(l, "Sin oportunidades", "No deals"),
            Created => pick(l, "Oportunidad creada", "Deal created"),
            Saved => pick(l, "Cambios guardados", "Changes saved"),
            Deleted => pick(l, "Oportunidad eliminada", "Deal deleted"),
            Restored => pick(l, "Oportunidad restaurada", "Deal restored"),
            MarkedWon => pick(l, "Oportunidad ganada", "Deal won"),
            MarkedLost => pick(l, "Oportunidad perdida", "Deal lost"),
            Reopened => pick(l, "Oportunidad reabierta", "Deal reopened"),
            NoDeals => pick(l, "Aún no hay oportunidades", "No deals yet"),
            NoDealsHint => pick(
                l,
                "Crea una o carga oportunidades de ejemplo en Ajustes.",
                "Create one, or load sample deals in Settings.",
            ),
            CreateFirst => pick(l, "Crear la primera oportunidad", "Create the first deal"),
            OpenSettings => pick(l, "Abrir Ajustes", "Open Settings"),
            BackToDeals => pick(l, "Oportunidades", "Deals"),
            NotFound => pick(
                l,
                "Esta oportunidad no existe o se eliminó.",
                "This deal does not exist or was deleted.",
            ),
            SectionDetails => pick(l, "Datos", "Details"),
            SectionNotes => pick(l, "Notas", "Notes"),
            EnteredFirst(s) => match l {
                Locale::Es => owned(format!("Creada en {s}")),
                Locale::En => owned(format!("Created in {s}")),
            },
            FromTo(a, b) => match l {
                Locale::Es => owned(format!("De {a} a {b}")),
                Locale::En => owned(format!("From {a} to {b}")),
            },
            CycleDays(d) => match l {
                Locale::Es => owned(format!("Ciclo de venta: {d} días")),
                Locale::En => owned(format!("Sales cycle: {d} days")),
            },
            Status(s) => status(l, *s),
            Category(c) => category(l, *c),
            Reason(r) => reason(l, *r),
            Win => pick(l, "Marcar como ganada", "Mark as won"),
            Lose => pick(l, "Marcar como perdida", "Mark as lost"),
            Reopen => pick(l, "Reabrir", "Reopen"),
            CloseTitle(DealStatus::Won) => pick(l, "¿La has ganado?", "Won the deal?"),
            CloseTitle(_) => pick(l, "¿La has perdido?", "Lost the deal?"),
            CloseReasonLabel => pick(l, "Motivo", "Reason"),
            NoReason => pick(l, "Sin indicar", "Not given"),
            CloseNoteLabel => pick(l, "Nota de cierre", "Closing note"),
            Confirm => pick(l, "Confirmar", "Confirm"),
            DeleteTitle => pick(l, "¿Eliminar la oportunidad?", "Delete the deal?"),
            DeleteBody => pick(
                l,
                "Podrás deshacerlo durante unos segundos.",
                "You can undo it for a few seconds.",
            ),
            ProbabilityHint(p) => match l {
                Locale::Es => owned(format!("Vacío: la de la etapa ({p} %)")),
                Locale::En => owned(format!("Empty: the stage's ({p}%)")),
            },
            AmountHint => pick(l, "Por ejemplo 12.500,00", "For example 12,500.00"),
            ContactLabel => pick(l, "Contacto", "Contact"),
            ContactNone => pick(l, "Ninguno", "None"),
            Periods => pick(l, "Periodo", "Period"),
            ByMonth => pick(l, "Por mes", "By month"),
            ByQuarter => pick(l, "Por trimestre", "By quarter"),
            Team => pick(l, "Equipo", "Team"),
            Rep => pick(l, "Comercial", "Rep"),
            Period => pick(l, "Periodo", "Period"),
            Pipeline => pick(l, "Embudo", "Pipeline"),
            StageForecast => pick(
                l,
                "Previsión (probabilidad de etapa)",
                "Forecast (stage probability)",
            ),
            HistoricalForecast => pick(
                l,
                "Previsión (tasa de cierre histórica)",
                "Forecast (historical win rate)",
            ),
            WonAmount => pick(l, "Ganado", "Won"),
            Commit => pick(l, "Compromiso", "Commit"),
            BestCase => pick(l, "Mejor caso", "Best case"),
            Quota => pick(l, "Cuota", "Quota"),
            Attainment => pick(l, "Cumplimiento", "Attainment"),
            NoQuotas => pick(l, "Sin cuotas definidas.", "No quotas set."),
            Slipped(n) => match l {
                Locale::Es => owned(format!("{n} retrasadas de periodos anteriores")),
                Locale::En => owned(format!("{n} slipped from earlier periods")),
            },
            ClosingThisPeriod => pick(l, "Cierran este periodo", "Closing this period"),
            StalledDeals => pick(l, "Oportunidades estancadas", "Stalled deals"),
            NothingHere => pick(l, "Nada por aquí.", "Nothing here."),
            ManagerView => pick(l, "Vista del responsable", "Manager view"),
            ByCategory => pick(l, "Por categoría", "By category"),
            ChartByStage => pick(l, "Embudo por etapa", "Pipeline by stage"),
            ChartByStageDesc => pick(
                l,
                "Importe abierto de cada etapa, en barras.",
                "Open amount in each stage, as bars.",
            ),
            ChartVsQuota => pick(
                l,
                "Previsión frente a cuota por mes",
                "Forecast vs quota by month",
            ),
            ChartVsQuotaDesc => pick(
                l,
                "Barras: previsión ponderada de cada mes; línea: cuota del mes.",
                "Bars: each month's weighted forecast; line: the month's quota.",
            ),
            ChartWonLost => pick(l, "Ganadas y perdidas por mes", "Won and lost by month"),
            ChartWonLostDesc => pick(
                l,
                "Número de oportunidades ganadas y perdidas en los últimos doce meses.",
                "Deals won and lost in each of the last twelve months.",
            ),
            WonCount => pick(l, "Ganadas", "Won"),
            LostCount => pick(l, "Perdidas", "Lost"),
            Count => pick(l, "Número", "Count"),
            Currency => pick(l, "Moneda", "Currency"),
            WinRate => pick(l, "Tasa de cierre", "Win rate"),
            SampleTitle => pick(l, "Oportunidades de ejemplo", "Sample deals"),
            SampleHint => pick(
                l,
                "Crea oportunidades de prueba sobre las cuentas guardadas (o sin cuenta).",
                "Creates test deals on the saved accounts (or without one).",
            ),
            SampleSize => pick(l, "Número de oportunidades", "Number of deals"),
            SampleLoad => pick(l, "Cargar oportunidades de ejemplo", "Load sample deals"),
            SampleLoaded(n) => match l {
                Locale::Es => owned(format!("{} oportunidades de ejemplo cargadas", int(l, *n))),
                Locale::En => owned(format!("{} sample deals loaded", int(l, *n))),
            },
            Field(f) => field(l, *f),
            Error(e) => error(l, e.code),
            PipelinesTitle => pick(l, "Embudos y etapas", "Pipelines and stages"),
            PipelinesHint => pick(
                l,
                "Una oportunidad toma la probabilidad de la etapa a la que entra.",
                "A deal takes the probability of the stage it moves into.",
            ),
            PipelinesReadOnly => pick(
                l,
                "Solo un responsable o un administrador puede cambiar los embudos.",
                "Only a manager or an admin can change pipelines.",
            ),
            PipelineName => pick(l, "Nombre del embudo", "Pipeline name"),
            StageN(n) => match l {
                Locale::Es => owned(format!("Etapa {n}")),
                Locale::En => owned(format!("Stage {n}")),
            },
            StageName => pick(l, "Nombre", "Name"),
            StageProbability => pick(l, "Probabilidad (%)", "Probability (%)"),
            StageUp(name) => match l {
                Locale::Es => owned(format!("Subir «{name}»")),
                Locale::En => owned(format!("Move “{name}” up")),
            },
            StageDown(name) => match l {
                Locale::Es => owned(format!("Bajar «{name}»")),
                Locale::En => owned(format!("Move “{name}” down")),
            },
            StageRemove(name) => match l {
                Locale::Es => owned(format!("Quitar «{name}»")),
                Locale::En => owned(format!("Remove “{name}”")),
            },
            AddStage => pick(l, "Añadir etapa", "Add stage"),
            PipelineSaved => pick(l, "Embudo guardado", "Pipeline saved"),
            PipelineRestored => pick(l, "Embudo restaurado", "Pipeline restored"),
            StageInUse(name, n) => owned(match (l, *n == 1) {
                (Locale::Es, true) => format!(
                    "«{name}» tiene 1 oportunidad abierta: muévela a otra etapa antes de quitarla."
                ),
                (Locale::Es, false) => format!(
                    "«{name}» tiene {} oportunidades abiertas: muévelas a otra etapa antes de quitarla.",
                    int(l, *n)
                ),
                (Locale::En, true) => format!(
                    "“{name}” has 1 open deal: move it to another stage before removing it."
                ),
                (Locale::En, false) => format!(
                    "“{name}” has {} open deals: move them to another stage before removing it.",
                    int(l, *n)
                ),
            }),
            NewPipeline => pick(l, "Nuevo embudo", "New pipeline"),
            DeletePipeline => pick(l, "Eliminar embudo", "Delete pipeline"),
            DeletePipelineTitle(name) => owned(match l {
                Locale::Es => format!("¿Eliminar el embudo «{name}»?"),
                Locale::En => format!("Delete the pipeline “{name}”?"),
            }),
            DeletePipelineText => pick(
                l,
                "Sus etapas se eliminan con él. Puedes deshacerlo desde el aviso.",
                "Its stages go with it. You can undo it from the notice.",
            ),
            PipelineCreated => pick(l, "Embudo creado", "Pipeline created"),
            PipelineDeleted => pick(l, "Embudo eliminado", "Pipeline deleted"),
            PipelineHasDeals(name, n) => owned(match (l, *n == 1) {
                (Locale::Es, true) => format!(
                    "«{name}» tiene 1 oportunidad: muévela a otro embudo o elimínala antes de eliminar el embudo."
                ),
                (Locale::Es, false) => format!(
                    "«{name}» tiene {} oportunidades: muévelas a otro embudo o elimínalas antes de eliminar el embudo.",
                    int(l, *n)
                ),
                (Locale::En, true) => format!(
                    "“{name}” has 1 deal: move it to another pipeline or delete it before deleting the pipeline."
                ),
                (Locale::En, false) => format!(
                    "“{name}” has {} deals: move them to another pipeline or delete them before deleting the pipeline.",
                    int(l, *n)
                ),
            }),
            PipelineIsDefault => pick(
                l,
                "El embudo principal no se puede eliminar: las oportunidades nuevas van a él.",
                "The main pipeline cannot be deleted: new deals go to it.",
            ),
        }
    }
}
