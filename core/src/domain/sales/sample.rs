//! Deterministic sample pipelines and deals for demos, tests and the forecast benchmark.

use chrono::{DateTime, Duration, Utc};

use super::super::account::Account;
use super::super::money::{Money, currency_exponent};
use super::super::sample::SAMPLE_OWNERS;
use super::super::sample_rng::Rng;
use super::super::types::Meta;
use super::codes::{CloseReason, DealStatus, ForecastCategory};
use super::deal::{Deal, StageChange};
use super::pipeline::{Pipeline, Stage};

/// The sample pipeline's id.
pub const SAMPLE_PIPELINE_ID: &str = "pipeline-sample";

/// Eighteen months, the span sample deals are created over.
const SPAN_DAYS: i64 = 540;

/// A five-stage pipeline (sample data: its stage names are records, not UI words).
pub fn sample_pipeline(now: DateTime<Utc>) -> Pipeline {
    let stages = [
        ("s1", "Prospección", 10),
        ("s2", "Cualificación", 25),
        ("s3", "Propuesta", 45),
        ("s4", "Negociación", 65),
        ("s5", "Cierre", 85),
    ];
    Pipeline {
        id: SAMPLE_PIPELINE_ID.into(),
        name: "Ventas".into(),
        stages: (stages.iter())
            .map(|(id, name, p)| Stage {
                id: (*id).into(),
                name: (*name).into(),
                probability: *p,
            })
            .collect(),
        is_default: true,
        owner: "admin".into(),
        meta: Meta::created(now - Duration::days(SPAN_DAYS + 30), "admin"),
    }
}

/// `n` deals in `pipeline`, created one after another over the 18 months before `now`, each on
/// an account of `accounts` (owned by the account's owner, priced in its country's currency;
/// unlinked and in EUR when `accounts` is empty). About half of the deals older than three
/// months are closed (four in ten of those won). Same seed, inputs and `now`: same deals.
pub fn sample_deals(
    seed: u64,
    n: usize,
    now: DateTime<Utc>,
    accounts: &[Account],
    pipeline: &Pipeline,
) -> Vec<Deal> {
    let mut rng = Rng(seed);
    let step_s = (SPAN_DAYS * 86_400) / (n as i64).max(1);
    let start = now - Duration::days(SPAN_DAYS);
    (0..n)
        .map(|i| {
            let created = start + Duration::seconds(step_s.saturating_mul(i as i64));
            let account = (!accounts.is_empty()).then(|| &accounts[rng.below(accounts.len())]);
            sample_deal(&mut rng, created, now, account, pipeline)
        })
        .collect()
}

fn sample_deal(
    rng: &mut Rng,
    created: DateTime<Utc>,
    now: DateTime<Utc>,
    account: Option<&Account>,
    pipeline: &Pipeline,
) -> Deal {
    let owner = account.map_or_else(|| rng.pick(&SAMPLE_OWNERS).to_owned(), |a| a.owner.clone());
    let country = account
        .and_then(|a| a.addresses.first())
        .map_or("ES", |a| a.country.as_str());
    let (history, last) = sample_history(rng, created, now, pipeline, &owner);
    let (closed_at, status) = sample_close(rng, created, last, now);
    let stage_id = history.last().map_or_else(String::new, |c| c.to.clone());
    let stage_p = pipeline.stage(&stage_id).map_or(0, |s| s.probability);
    let expected_close = match closed_at {
        Some(t) => t.date_naive(),
        None => (created + Duration::days(30 + rng.below(180) as i64)).date_naive(),
    };
    let (probability, category) = match status {
        DealStatus::Won => (100, ForecastCategory::Closed),
        DealStatus::Lost => (0, ForecastCategory::Pipeline),
        DealStatus::Open => (stage_p, open_category(rng, stage_p)),
    };
    let updated = closed_at.unwrap_or(last);
    Deal {
        id: sample_id(rng, created),
        title: format!("Oportunidad {}", rng.fill("@@-####")),
        account_id: account.map(|a| a.id.clone()),
        contact_id: None,
        lead_id: None,
        owner: owner.clone(),
        amount: sample_amount(rng, country),
        expected_close,
        pipeline_id: pipeline.id.clone(),
        stage_id,
        probability,
        category,
        campaign: rng
            .chance(30)
            .then(|| format!("campaign-{}", 1 + rng.below(8))),
        lines: Vec::new(),
        status,
        closed_at,
        close_reason: (status != DealStatus::Open).then(|| rng.pick(&REASONS)),
        close_note: String::new(),
        history,
        notes: String::new(),
        meta: Meta {
            created_at: created,
            created_by: owner.clone(),
            updated_at: updated,
            updated_by: owner,
        },
    }
}

const REASONS: [CloseReason; 4] = [
    CloseReason::Price,
    CloseReason::Competitor,
    CloseReason::Relationship,
    CloseReason::Timing,
];

/// A UUID v7 of the creation time with random bits from `rng`.
fn sample_id(rng: &mut Rng, created: DateTime<Utc>) -> String {
    let mut bytes = [0u8; 10];
    bytes[..8].copy_from_slice(&rng.next().to_le_bytes());
    bytes[8..].copy_from_slice(&rng.next().to_le_bytes()[..2]);
    let ms = u64::try_from(created.timestamp_millis()).unwrap_or(0);
    (uuid::Builder::from_unix_timestamp_millis(ms, &bytes).into_uuid()).to_string()
}

/// Half the deals older than three months are closed (one in ten of the younger), a day to
/// three weeks after their last move; four in ten closed deals are won.
fn sample_close(
    rng: &mut Rng,
    created: DateTime<Utc>,
    last: DateTime<Utc>,
    now: DateTime<Utc>,
) -> (Option<DateTime<Utc>>, DealStatus) {
    let closes = rng.chance(if (now - created).num_days() > 90 {
        50
    } else {
        10
    });
    let closed_at = closes.then(|| (last + Duration::days(1 + rng.below(20) as i64)).min(now));
    let status = match closed_at {
        None => DealStatus::Open,
        Some(_) if rng.chance(40) => DealStatus::Won,
        Some(_) => DealStatus::Lost,
    };
    (closed_at, status)
}

/// Moves through the first stages, a few days to a month apart, never past `now`.
fn sample_history(
    rng: &mut Rng,
    created: DateTime<Utc>,
    now: DateTime<Utc>,
    pipeline: &Pipeline,
    by: &str,
) -> (Vec<StageChange>, DateTime<Utc>) {
    let moves = rng.below(pipeline.stages.len().max(1));
    let mut at = created;
    let mut out: Vec<StageChange> = Vec::with_capacity(moves + 1);
    for s in pipeline.stages.iter().take(moves + 1) {
        if let Some(prev) = out.last() {
            let next = at + Duration::hours(24 + rng.below(30 * 24) as i64);
            if next > now {
                break;
            }
            at = next;
            out.push(StageChange {
                from: Some(prev.to.clone()),
                to: s.id.clone(),
                at,
                by: by.to_owned(),
            });
        } else {
            out.push(StageChange {
                from: None,
                to: s.id.clone(),
                at,
                by: by.to_owned(),
            });
        }
    }
    (out, at)
}

fn open_category(rng: &mut Rng, probability: u8) -> ForecastCategory {
    match (probability, rng.below(2)) {
        (60.., 0) => ForecastCategory::Commit,
        (40.., _) => ForecastCategory::BestCase,
        _ => ForecastCategory::Pipeline,
    }
}

/// 500 to 200 000 euros' worth, in the country's currency.
fn sample_amount(rng: &mut Rng, country: &str) -> Money {
    let (currency, per_euro) = match country {
        "MX" => ("MXN", 20),
        "CO" => ("COP", 4_000),
        "CL" => ("CLP", 1_000),
        "AR" => ("ARS", 1_000),
        "PE" => ("PEN", 4),
        _ => ("EUR", 1),
    };
    let euros = 500 + [2_000, 20_000, 200_000][rng.below(3)] * (rng.below(1000) as i64) / 1000;
    let scale = 10i64.pow(currency_exponent(currency).unwrap_or(0));
    Money::new(euros * per_euro * scale, currency)
}
