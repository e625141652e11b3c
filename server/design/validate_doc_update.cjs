'use strict';
// Cartera's validate_doc_update: who may write which document, and what a document must look like.
// setup.mjs stores `String(module.exports)` in `_design/cartera`, so this function must be
// self-contained (it may use nothing outside its own body) and plain ES5: CouchDB 3 may run it on
// SpiderMonkey 1.8.5. No arrows, let/const, template strings, includes(), Number.isInteger().
//
// Refusals are `{forbidden: "cartera:<code>: <detail>"}`; clients translate by <code>:
//   unauthenticated   no user name (anonymous)
//   no_role           the user has none of the roles rep, support, manager, admin
//   unknown_type      `type` missing or not one Cartera knows
//   type_changed      an update changes `type`
//   forbidden_type    the user's roles may not write this type (support on a contact, rep on settings,
//                     rep on a pipeline)
//   not_owner         a rep/support updates or deletes a document owned by someone else
//   owner_change      a rep/support changes `owner` on update (reassignment is for managers)
//   missing_field     "<type>.<field>" is required
//   invalid_field     "<type>.<field>" has the wrong kind (detail says which)
// Server admins (`_admin`), Cartera admins (role admin) and database admins (secObj.admins) may
// write anything, but their documents are still checked for shape. Design documents are for
// admins only and skip the shape check. `_local` documents never reach this function.
//
// Who writes what (first matching line):
//   contact account lead deal activity visit   reps (their own), managers, admins
//   case                                       support, admins (activity: support its own too)
//   pipeline scoring_rules routing_rules       managers, admins (the team's set-up: issue #4 says
//                                              admins configure pipelines; managers run the team
//                                              day to day and may too; reps only read them)
//   quota                                      managers, admins (a quota's owner is the rep it is for)
//   round_robin_state                          reps, managers, admins (reps route leads offline; the
//                                              app keeps it in a `_local` document today, so it
//                                              only arrives here from another client)
//   settings user_profile                      admins
module.exports = function cartera_validate(newDoc, oldDoc, userCtx, secObj) {
  var SALES = ['contact', 'account', 'lead', 'deal', 'activity', 'visit'];
  var ADMIN_ONLY = ['settings', 'user_profile'];
  // The team's set-up: managers and admins.
  var TEAM_SETUP = ['pipeline', 'quota', 'scoring_rules', 'routing_rules'];
  // Written by any sales role.
  var ROUTING_STATE = 'round_robin_state';
  var CARTERA_ROLES = ['rep', 'support', 'manager', 'admin'];

  // Kinds: string (string or null), text (non-blank string), name (non-blank string),
  // strings (array of strings), time (RFC 3339 string), address, addresses, money, integer,
  // number, boolean, object. A trailing "!" makes the field required (present, not null).
  var HEADER = {
    type: 'text!', owner: 'name!',
    created_at: 'time!', created_by: 'string!', updated_at: 'time!', updated_by: 'name!'
  };
  // Checked on every type when present (names shared by many record types).
  var COMMON = {
    name: 'string', title: 'string', subject: 'string', status: 'string', stage: 'string',
    notes: 'string', description: 'string',
    account_id: 'string', contact_id: 'string', lead_id: 'string', deal_id: 'string',
    case_id: 'string', tags: 'strings', emails: 'strings', phones: 'strings',
    address: 'address', addresses: 'addresses'
  };
  // Per type, instead of HEADER: the team's rules have no owner (core writes ""), the round-robin
  // state has only its type and cursors (core/src/domain/leads/routing_doc.rs).
  var HEADERS = {
    scoring_rules: {
      type: 'text!', owner: 'string!',
      created_at: 'time!', created_by: 'string!', updated_at: 'time!', updated_by: 'name!'
    },
    round_robin_state: { type: 'text!' }
  };
  HEADERS.routing_rules = HEADERS.scoring_rules;
  // Per type. lead, deal, activity, visit, case, settings and user_profile have no domain module
  // yet (core/src/domain): tighten them when theirs lands.
  var SCHEMA = {
    contact: {
      given_name: 'string', family_name: 'string', emails: 'strings!', phones: 'strings!',
      job_title: 'string', account_id: 'string', address: 'address', tags: 'strings',
      notes: 'string'
    },
    account: {
      name: 'text!', tax_id: 'string', industry: 'string', addresses: 'addresses',
      phones: 'strings', website: 'string', tags: 'strings', notes: 'string'
    },
    lead: { given_name: 'string', family_name: 'string', company: 'string', source: 'string' },
    deal: { amount: 'money', probability: 'number' },
    activity: { kind: 'string' },
    visit: {},
    'case': { priority: 'string' },
    settings: {},
    user_profile: { roles: 'strings' },
    // core/src/domain/sales/pipeline.rs, quota.rs; leads/scoring_doc.rs, routing_doc.rs
    pipeline: { name: 'text!', is_default: 'boolean!', stages: 'stages!' },
    quota: {
      year: 'integer!', period_kind: 'period_kind!', period_number: 'integer!', amount: 'money!'
    },
    scoring_rules: { rules: 'scoring_rules!' },
    routing_rules: { fallback_owner: 'string!', rules: 'routing_rules!' },
    round_robin_state: { cursors: 'object!' }
  };
  var MAX_STAGES = 30;
  var ROUTE_KINDS = ['territory', 'product_interest', 'always'];
  var TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+\-]\d{2}:\d{2})$/;
  var CURRENCY = /^[A-Z]{3}$/;
  var ADDRESS_PARTS = ['street', 'city', 'region', 'postal_code', 'country'];

  function refuse(code, detail) {
    throw ({ forbidden: 'cartera:' + code + ': ' + detail });
  }
  function has(list, item) {
    for (var i = 0; i < list.length; i++) if (list[i] === item) return true;
    return false;
  }
  function hasAny(list, items) {
    for (var i = 0; i < items.length; i++) if (has(list, items[i])) return true;
    return false;
  }
  function isString(v) { return typeof v === 'string'; }
  function isBlank(v) { return !isString(v) || v.replace(/^\s+|\s+$/g, '') === ''; }
  function isObject(v) { return v !== null && typeof v === 'object' && !isArray(v); }
  function isArray(v) { return Object.prototype.toString.call(v) === '[object Array]'; }
  function isInteger(v) {
    return typeof v === 'number' && isFinite(v) && Math.floor(v) === v &&
      Math.abs(v) <= 9007199254740991;
  }
  function allStrings(v) {
    if (!isArray(v)) return false;
    for (var i = 0; i < v.length; i++) if (!isString(v[i])) return false;
    return true;
  }
  function isAddress(v) {
    if (!isObject(v)) return false;
    for (var i = 0; i < ADDRESS_PARTS.length; i++) {
      var part = v[ADDRESS_PARTS[i]];
      if (part !== undefined && part !== null && !isString(part)) return false;
    }
    return true;
  }
  function isMoney(v) {
    return isObject(v) && isInteger(v.amount_minor) && isString(v.currency) &&
      CURRENCY.test(v.currency);
  }
  var KINDS = {
    string: [isString, 'a string'],
    text: [function (v) { return !isBlank(v); }, 'a non-empty string'],
    name: [function (v) { return !isBlank(v); }, 'a user name'],
    strings: [allStrings, 'an array of strings'],
    time: [function (v) { return isString(v) && TIME.test(v); }, 'an RFC 3339 timestamp'],
    address: [isAddress, 'an address object of strings'],
    addresses: [function (v) {
      if (!isArray(v)) return false;
      for (var i = 0; i < v.length; i++) if (!isAddress(v[i])) return false;
      return true;
    }, 'an array of address objects'],
    money: [isMoney, '{amount_minor: integer, currency: ISO 4217 code}'],
    integer: [isInteger, 'an integer'],
    number: [function (v) { return typeof v === 'number' && isFinite(v); }, 'a number'],
    'boolean': [function (v) { return typeof v === 'boolean'; }, 'true or false'],
    object: [isObject, 'an object'],
    period_kind: [function (v) { return v === 'month' || v === 'quarter'; }, '"month" or "quarter"'],
    stages: [isStages, 'an array of 1-' + MAX_STAGES +
      ' stages {id, name: non-empty strings, probability: integer 0-100}, ids unique'],
    scoring_rules: [function (v) { return isRules(v, isScoringRule); },
      'an array of {id: string, points: integer, condition: {kind: string}, enabled?: boolean}'],
    routing_rules: [function (v) { return isRules(v, isRoutingRule); },
      'an array of {id: string, when: {kind: territory|product_interest|always},' +
      ' assign_to: string or team: array of strings}']
  };
  function isStages(v) {
    if (!isArray(v) || v.length < 1 || v.length > MAX_STAGES) return false;
    var ids = [];
    for (var i = 0; i < v.length; i++) {
      var s = v[i];
      if (!isObject(s) || isBlank(s.id) || isBlank(s.name) || has(ids, s.id)) return false;
      if (!isInteger(s.probability) || s.probability < 0 || s.probability > 100) return false;
      ids.push(s.id);
    }
    return true;
  }
  function isRules(v, isRule) {
    if (!isArray(v)) return false;
    for (var i = 0; i < v.length; i++) if (!isObject(v[i]) || !isString(v[i].id) || !isRule(v[i])) return false;
    return true;
  }
  function isScoringRule(r) {
    return isInteger(r.points) && isObject(r.condition) && !isBlank(r.condition.kind) &&
      (r.enabled === undefined || typeof r.enabled === 'boolean');
  }
  function isRoutingRule(r) {
    if (!isObject(r.when) || !has(ROUTE_KINDS, r.when.kind)) return false;
    return isString(r.assign_to) || allStrings(r.team);
  }

  function checkFields(doc, type, fields) {
    for (var field in fields) {
      if (!fields.hasOwnProperty(field)) continue;
      var spec = fields[field];
      var required = spec.charAt(spec.length - 1) === '!';
      var kindName = required ? spec.slice(0, -1) : spec;
      var kind = KINDS[kindName];
      var value = doc[field];
      var blank = (kindName === 'text' || kindName === 'name') && isString(value) && isBlank(value);
      if (value === undefined || value === null || (required && blank)) {
        if (required) refuse('missing_field', type + '.' + field);
      } else if (!kind[0](value)) {
        refuse('invalid_field', type + '.' + field + ' must be ' + kind[1]);
      }
    }
  }
  // Any object that looks like money (has amount_minor or currency) anywhere in the document must
  // be well-formed money, so a bad client cannot store {amount_minor: "12,50"}.
  function checkMoney(value, type, where, depth) {
    if (depth > 8 || value === null || typeof value !== 'object') return;
    if (!isArray(value) && (value.hasOwnProperty('amount_minor') || value.hasOwnProperty('currency'))) {
      if (!isMoney(value)) refuse('invalid_field', type + '.' + where + ' must be ' + KINDS.money[1]);
      return;
    }
    for (var key in value) {
      if (value.hasOwnProperty(key)) checkMoney(value[key], type, where ? where + '.' + key : key, depth + 1);
    }
  }
  // *_at fields are timestamps wherever they appear at the top level.
  function checkTimes(doc, type) {
    for (var key in doc) {
      if (doc.hasOwnProperty(key) && /_at$/.test(key) && doc[key] !== null && !KINDS.time[0](doc[key])) {
        refuse('invalid_field', type + '.' + key + ' must be ' + KINDS.time[1]);
      }
    }
  }
  function checkShape(doc) {
    var type = doc.type;
    if (!isString(type) || !SCHEMA.hasOwnProperty(type)) {
      refuse('unknown_type', 'type ' + JSON.stringify(type === undefined ? null : type));
    }
    checkFields(doc, type, HEADERS.hasOwnProperty(type) ? HEADERS[type] : HEADER);
    checkFields(doc, type, COMMON);
    checkFields(doc, type, SCHEMA[type]);
    checkTimes(doc, type);
    checkMoney(doc, type, '', 0);
    if (type === 'contact' && isBlank(doc.given_name) && isBlank(doc.family_name)) {
      refuse('missing_field', 'contact.given_name');
    }
    if (type === 'quota' && (doc.period_number < 1 ||
        doc.period_number > (doc.period_kind === 'month' ? 12 : 4))) {
      refuse('invalid_field', 'quota.period_number must be a month 1-12 or a quarter 1-4');
    }
  }

  // Why role `role` may not write (null when it may). `stored` is the live stored document
  // (null when creating), `type` the document type, `deleting` true for a deletion.
  function ruleFor(role, name, type, stored, deleting) {
    var ownRecordsOnly = function () {
      if (!stored) return null;
      if (stored.owner !== name) return ['not_owner', type + ' is owned by ' + JSON.stringify(stored.owner)];
      if (!deleting && newDoc.owner !== stored.owner) {
        return ['owner_change', 'only a manager can reassign a ' + type];
      }
      return null;
    };
    if (role === 'manager' && (has(SALES, type) || has(TEAM_SETUP, type))) return null;
    if ((role === 'rep' || role === 'manager') && type === ROUTING_STATE) return null;
    if (role === 'rep' && has(SALES, type)) return ownRecordsOnly();
    if (role === 'support' && type === 'case') return null;
    if (role === 'support' && type === 'activity') return ownRecordsOnly();
    return ['forbidden_type', 'role ' + role + ' may not write ' + type + ' documents'];
  }

  var name = userCtx && userCtx.name;
  var roles = (userCtx && userCtx.roles) || [];
  if (!isString(name) || name === '') refuse('unauthenticated', 'log in to write');
  var admins = (secObj && secObj.admins) || {};
  var isAdmin = has(roles, '_admin') || has(roles, 'admin') ||
    has(admins.names || [], name) || hasAny(roles, admins.roles || []);

  if (String(newDoc._id).indexOf('_design/') === 0) {
    if (!isAdmin) refuse('forbidden_type', 'only admins may change design documents');
    return;
  }
  if (!isAdmin && !hasAny(roles, CARTERA_ROLES)) refuse('no_role', name + ' has no Cartera role');

  var stored = oldDoc && !oldDoc._deleted ? oldDoc : null;
  var deleting = newDoc._deleted === true;
  if (!deleting) checkShape(newDoc);
  if (stored && !deleting && stored.type !== newDoc.type) {
    refuse('type_changed', 'a ' + stored.type + ' cannot become a ' + newDoc.type);
  }
  if (isAdmin) return;

  var type = stored ? stored.type : newDoc.type;
  // A tombstone for a document this server never had (replication) creates nothing: any Cartera
  // role may write it.
  if (deleting && !stored && !isString(type)) return;
  if (has(ADMIN_ONLY, type) || !SCHEMA.hasOwnProperty(type)) {
    refuse('forbidden_type', 'only admins may write ' + type + ' documents');
  }
  var why = null;
  for (var i = 0; i < CARTERA_ROLES.length; i++) {
    if (!has(roles, CARTERA_ROLES[i])) continue;
    var r = ruleFor(CARTERA_ROLES[i], name, type, stored, deleting);
    if (!r) return;
    // Report the most specific refusal: ownership over type.
    if (!why || why[0] === 'forbidden_type') why = r;
  }
  refuse(why[0], why[1]);
};
