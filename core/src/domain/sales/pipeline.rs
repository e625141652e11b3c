//! Pipelines: the stages an admin sets up for a kind of sale, each with a default probability.

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::super::DomainError;
use super::super::body::{self, Reader};
use super::super::types::Meta;
use super::PIPELINE_TYPE;
use super::codes::DealStatus;
use super::deal::Deal;
use super::input::{Check, SalesCode, SalesField, SalesFieldError};
use super::store_ext::{self as ext, Obj};
use crate::search::normalize;
use crate::store::{Body, Doc};

/// Longest pipeline and stage names, in characters.
const MAX_NAME: usize = 100;
/// Most stages in one pipeline.
pub const MAX_STAGES: usize = 30;

/// One column of the board.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stage {
    /// Stable within its pipeline (deals and their history refer to it).
    pub id: String,
    /// As the admin named it (user data, not a catalogue word).
    pub name: String,
    /// The probability a deal gets when it moves here, 0-100 %.
    pub probability: u8,
}

/// An ordered list of open stages. Winning and losing are a deal's status, not stages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pipeline {
    pub id: String,
    pub name: String,
    /// Board order, first to last.
    pub stages: Vec<Stage>,
    /// The pipeline new deals go to when none is chosen.
    pub is_default: bool,
    /// The admin who set it up.
    pub owner: String,
    pub meta: Meta,
}

impl Pipeline {
    pub fn stage(&self, id: &str) -> Option<&Stage> {
        self.stages.iter().find(|s| s.id == id)
    }

    /// The position of stage `id` on the board.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.stages.iter().position(|s| s.id == id)
    }

    /// The first stage, where new deals start.
    pub fn first_stage(&self) -> Option<&Stage> {
        self.stages.first()
    }

    /// The document body: `type: "pipeline"`, `owner`, the metadata, `name`, `is_default` and
    /// `stages: [{id, name, probability}]` in board order.
    pub fn to_body(&self) -> Body {
        let mut m = body::header(PIPELINE_TYPE, &self.owner, &self.meta);
        m.insert("name".into(), body::string(&self.name));
        m.insert("is_default".into(), Value::Bool(self.is_default));
        let stage = |s: &Stage| {
            let mut o = Body::new();
            o.insert("id".into(), body::string(&s.id));
            o.insert("name".into(), body::string(&s.name));
            o.insert("probability".into(), s.probability.into());
            Value::Object(o)
        };
        m.insert("stages".into(), ext::array(&self.stages, stage));
        m
    }

    /// Reads a stored pipeline; never panics.
    pub fn from_doc(doc: &Doc) -> Result<Self, DomainError> {
        body::check_doc(doc, PIPELINE_TYPE)?;
        let r = Reader::new(doc);
        let o = Obj::new(&doc.id, &doc.body);
        let stage = |s: &Obj| {
            Ok(Stage {
                id: s.string("id")?,
                name: s.string("name")?,
                probability: s.percent("probability")?,
            })
        };
        Ok(Self {
            id: doc.id.clone(),
            name: r.string("name")?,
            stages: o.array("stages", stage)?,
            is_default: o.bool("is_default")?,
            owner: r.string("owner")?,
            meta: r.meta()?,
        })
    }
}

/// One stage row of the pipeline form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StageInput {
    /// Empty for a new stage (an id is made from its position); kept for existing ones.
    pub id: String,
    pub name: String,
    /// "0"-"100", "%" allowed.
    pub probability: String,
}

/// The admin's pipeline form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PipelineInput {
    pub name: String,
    pub stages: Vec<StageInput>,
    pub is_default: bool,
}

/// Parses a whole percentage "0"-"100" (a trailing "%" and spaces allowed).
pub fn parse_percent(raw: &str) -> Option<u8> {
    let s = raw.trim().trim_end_matches('%').trim();
    s.parse::<u8>().ok().filter(|p| *p <= 100)
}

/// Validates the pipeline form into a pipeline with `id`, created or changed by `user` at
/// `now` (`old` keeps its creation metadata). Its name must be no other of the team's
/// `pipelines`' (ignoring case and accents). Stage ids must be unique, and so must stage
/// names (ignoring case and accents); new stages get `s{n}` ids not used by any other stage,
/// nor by a stage of `old` (closed deals and stage history may still name a removed one).
pub fn validate_pipeline(
    input: &PipelineInput,
    id: String,
    old: Option<&Pipeline>,
    pipelines: &[Pipeline],
    now: DateTime<Utc>,
    user: &str,
) -> Result<Pipeline, Vec<SalesFieldError>> {
    let mut c = Check::default();
    let name = c.required(SalesField::Name, &input.name, MAX_NAME);
    let folded = normalize(&name);
    if (pipelines.iter()).any(|p| p.id != id && !folded.is_empty() && normalize(&p.name) == folded)
    {
        c.push(SalesField::Name, SalesCode::Duplicate);
    }
    let old_ids: Vec<&str> = old.map_or_else(Vec::new, |p| {
        p.stages.iter().map(|s| s.id.as_str()).collect()
    });
    let stages = stages(&mut c, &input.stages, &old_ids);
    let meta = old.map_or_else(|| Meta::created(now, user), |p| p.meta.touched(now, user));
    let owner = old.map_or_else(|| user.to_owned(), |p| p.owner.clone());
    c.finish(Pipeline {
        id,
        name,
        stages,
        is_default: input.is_default,
        owner,
        meta,
    })
}

/// The stage rows that are not blank, with ids for new stages.
fn stages(c: &mut Check, input: &[StageInput], old_ids: &[&str]) -> Vec<Stage> {
    let rows: Vec<(usize, &StageInput)> = (input.iter().enumerate())
        .filter(|(_, s)| !(s.name.trim().is_empty() && s.probability.trim().is_empty()))
        .collect();
    if rows.is_empty() {
        c.push(SalesField::Stages, SalesCode::Required);
    } else if rows.len() > MAX_STAGES {
        c.push(SalesField::Stages, SalesCode::TooMany);
    }
    let mut taken: Vec<&str> = rows.iter().map(|(_, s)| s.id.trim()).collect();
    taken.extend_from_slice(old_ids);
    let mut folded: Vec<String> = Vec::with_capacity(rows.len());
    let mut stages: Vec<Stage> = Vec::with_capacity(rows.len());
    for (i, s) in rows {
        let name = c.required(SalesField::StageName(i), &s.name, MAX_NAME);
        let key = normalize(&name);
        if !key.is_empty() && folded.contains(&key) {
            c.push(SalesField::StageName(i), SalesCode::Duplicate);
        }
        folded.push(key);
        let probability = parse_percent(&s.probability).unwrap_or_else(|| {
            c.push(SalesField::StageProbability(i), SalesCode::InvalidPercent);
            0
        });
        let mut id = s.id.trim().to_owned();
        if id.is_empty() {
            id = (1..)
                .map(|n| format!("s{n}"))
                .find(|c| !taken.contains(&c.as_str()) && stages.iter().all(|x| &x.id != c))
                .unwrap_or_default();
        } else if stages.iter().any(|x| x.id == id) {
            c.push(SalesField::StageName(i), SalesCode::Duplicate);
        }
        stages.push(Stage {
            id,
            name,
            probability,
        });
    }
    stages
}

/// A stage the edited pipeline drops while open deals still sit in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StageInUse {
    pub stage_id: String,
    /// The stage's name in `old`.
    pub name: String,
    /// How many open deals of the pipeline are in it.
    pub open_deals: usize,
}

/// The stages of `old` that `new` no longer has and that open deals of that pipeline are in,
/// in `old`'s board order. Saving such a pipeline would leave those deals in no column, so
/// the editor refuses it until they are moved.
pub fn stages_in_use(old: &Pipeline, new: &Pipeline, deals: &[Deal]) -> Vec<StageInUse> {
    let mut out = Vec::new();
    for s in &old.stages {
        if new.stage(&s.id).is_some() {
            continue;
        }
        let open = (deals.iter())
            .filter(|d| {
                d.status == DealStatus::Open && d.pipeline_id == old.id && d.stage_id == s.id
            })
            .count();
        if open > 0 {
            out.push(StageInUse {
                stage_id: s.id.clone(),
                name: s.name.clone(),
                open_deals: open,
            });
        }
    }
    out
}

/// Why a pipeline cannot be deleted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PipelineDeleteError {
    /// The team's default pipeline (new deals go to it), or the only one left.
    Default,
    /// This many deals, open or closed, are in it (their history and forecasts name it).
    HasDeals(usize),
}

/// Whether pipeline `id` may be deleted from the team's `pipelines`: not the default one nor
/// the last one, and not while any deal is in it.
pub fn check_pipeline_delete(
    id: &str,
    pipelines: &[Pipeline],
    deals: &[Deal],
) -> Result<(), PipelineDeleteError> {
    let others = pipelines.iter().filter(|p| p.id != id).count();
    let default = pipelines.iter().any(|p| p.id == id && p.is_default);
    if default || others == 0 {
        return Err(PipelineDeleteError::Default);
    }
    match deals.iter().filter(|d| d.pipeline_id == id).count() {
        0 => Ok(()),
        n => Err(PipelineDeleteError::HasDeals(n)),
    }
}

/// The open deals of `old`'s pipeline whose probability follows their stage's default when
/// `new` changes it: a deal still at `old`'s default for its stage gets `new`'s (touched by
/// `user` at `now`); a probability a rep set by hand is kept. In `deals`' order.
pub fn follow_stage_probabilities(
    old: &Pipeline,
    new: &Pipeline,
    deals: &[Deal],
    now: DateTime<Utc>,
    user: &str,
) -> Vec<Deal> {
    let follows = |d: &&Deal| d.status == DealStatus::Open && d.pipeline_id == old.id;
    (deals.iter().filter(follows))
        .filter_map(|d| {
            let before = old.stage(&d.stage_id)?.probability;
            let after = new.stage(&d.stage_id)?.probability;
            (before != after && d.probability == before).then(|| {
                let mut moved = d.clone();
                moved.probability = after;
                moved.meta = d.meta.touched(now, user);
                moved
            })
        })
        .collect()
}

impl From<&Pipeline> for PipelineInput {
    /// The form filled with a stored pipeline.
    fn from(p: &Pipeline) -> Self {
        Self {
            name: p.name.clone(),
            stages: (p.stages.iter())
                .map(|s| StageInput {
                    id: s.id.clone(),
                    name: s.name.clone(),
                    probability: s.probability.to_string(),
                })
                .collect(),
            is_default: p.is_default,
        }
    }
}
