// The validate_doc_update function on its own, table-driven (no server: milliseconds).
// It is re-evaluated from its source text, exactly as setup.mjs stores it, which also proves it
// uses nothing outside its own body.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { DESIGN_DOC } from '../setup.mjs';
import { account, activity, contact, deal, header, supportCase } from './fixtures.mjs';

// eslint-disable-next-line no-new-func
const vdu = new Function(`return ${DESIGN_DOC.validate_doc_update}`)();
const SEC = { admins: { names: [], roles: ['admin'] }, members: { names: [], roles: ['rep', 'support', 'manager', 'admin'] } };
const user = (name, ...roles) => ({ name, roles });
const ANA = user('ana', 'rep');
const BRUNO = user('bruno', 'rep');
const SOFIA = user('sofia', 'support');
const MARTA = user('marta', 'manager');
const ADMIN = user('admin', 'admin');
const SERVER_ADMIN = user('couchadmin', '_admin');

/** The refusal code ("not_owner") or "ok". */
function verdict(newDoc, oldDoc, userCtx) {
  try {
    vdu({ _id: 'doc1', ...newDoc }, oldDoc ? { _id: 'doc1', _rev: '1-a', ...oldDoc } : null, userCtx, SEC);
    return 'ok';
  } catch (e) {
    assert.ok(e && typeof e.forbidden === 'string', `threw something else: ${e}`);
    const m = /^cartera:([a-z_]+): ./.exec(e.forbidden);
    assert.ok(m, `message without a code: ${e.forbidden}`);
    return m[1];
  }
}

const del = { _deleted: true };

// The team's set-up documents, as core writes them (Pipeline/Quota/ScoringRules/RoutingRules
// ::to_body, RoundRobinState::to_body).
const stage = (id, name, probability) => ({ id, name, probability });
const pipeline = (by, extra = {}) => ({
  ...header('pipeline', 'admin', by), name: 'Ventas', is_default: true,
  stages: [stage('s1', 'Prospección', 10), stage('s2', 'Cierre', 85)], ...extra,
});
const quota = (by, extra = {}) => ({
  ...header('quota', 'ana', by), year: 2026, period_kind: 'quarter', period_number: 4,
  amount: { amount_minor: 5000000, currency: 'EUR' }, ...extra,
});
const teamRules = (type, by) => ({ ...header(type, '', by), owner: '' });
const scoring = (by, extra = {}) => ({
  ...teamRules('scoring_rules', by),
  rules: [{ id: 'r1', points: 20, condition: { kind: 'industry_is', industries: ['manufacturing'] } },
    { id: 'r2', points: -5, condition: { kind: 'size_below', employees: 10 } }],
  ...extra,
});
const routing = (by, extra = {}) => ({
  ...teamRules('routing_rules', by), fallback_owner: '',
  rules: [{ id: 'north', when: { kind: 'territory', regions: ['Galicia'], postal_prefixes: ['15'], countries: [] }, assign_to: 'javier' },
    { id: 'rest', when: { kind: 'always' }, team: ['camila', 'andres'] }],
  ...extra,
});
const roundRobin = (extra = {}) => ({ type: 'round_robin_state', cursors: { rest: { last: 'camila', position: 0 } }, ...extra });
const anasContact = contact('ana');

const cases = [
  // who: anonymous, no role
  ['anonymous cannot write', contact('ana'), null, { name: null, roles: [] }, 'unauthenticated'],
  ['a user with no Cartera role cannot write', contact('nora'), null, user('nora'), 'no_role'],
  ['a user with another role cannot write', contact('nora'), null, user('nora', 'viewer'), 'no_role'],
  // rep
  ['a rep creates a contact', contact('ana'), null, ANA, 'ok'],
  ['a rep creates a contact for a colleague', contact('bruno'), null, ANA, 'ok'],
  ['a rep creates an account, deal, activity', account('ana'), null, ANA, 'ok'],
  ['a rep updates her own contact', contact('ana', { notes: 'x' }), anasContact, ANA, 'ok'],
  ["a rep cannot update a colleague's contact", contact('ana', { notes: 'x' }), anasContact, BRUNO, 'not_owner'],
  ['a rep cannot reassign her contact', contact('bruno'), anasContact, ANA, 'owner_change'],
  ["a rep cannot take a colleague's contact", contact('bruno'), anasContact, BRUNO, 'not_owner'],
  ['a rep deletes her own contact', del, anasContact, ANA, 'ok'],
  ["a rep cannot delete a colleague's contact", del, anasContact, BRUNO, 'not_owner'],
  ['a rep cannot write a case', supportCase('ana'), null, ANA, 'forbidden_type'],
  ['a rep cannot write settings', header('settings', 'ana'), null, ANA, 'forbidden_type'],
  ['a rep cannot write a user profile', header('user_profile', 'ana'), null, ANA, 'forbidden_type'],
  ['a rep may recreate a deleted contact id', contact('ana'), { ...anasContact, _deleted: true }, BRUNO, 'ok'],
  ['a tombstone for an unknown doc is harmless', del, null, ANA, 'ok'],
  // support
  ['support cannot create a contact', contact('sofia'), null, SOFIA, 'forbidden_type'],
  ['support cannot edit a contact', contact('ana', { notes: 'x' }), anasContact, SOFIA, 'forbidden_type'],
  ['support cannot delete a contact', del, anasContact, SOFIA, 'forbidden_type'],
  ['support creates a case', supportCase('sofia'), null, SOFIA, 'ok'],
  ["support edits anyone's case", supportCase('ana', { status: 'closed' }), supportCase('ana'), SOFIA, 'ok'],
  ['support creates an activity', activity('sofia'), null, SOFIA, 'ok'],
  ["support cannot edit a rep's activity", activity('ana', { notes: 'x' }), activity('ana'), SOFIA, 'not_owner'],
  // manager
  ["a manager edits a rep's contact", contact('ana', { notes: 'x' }), anasContact, MARTA, 'ok'],
  ['a manager reassigns a contact', contact('bruno'), anasContact, MARTA, 'ok'],
  ["a manager deletes a rep's contact", del, anasContact, MARTA, 'ok'],
  ['a manager cannot write settings', header('settings', 'marta'), null, MARTA, 'forbidden_type'],
  ['a manager cannot edit cases', supportCase('sofia'), null, MARTA, 'forbidden_type'],
  // admin
  ['an admin writes settings', header('settings', 'admin'), null, ADMIN, 'ok'],
  ['an admin writes a case', supportCase('admin'), null, ADMIN, 'ok'],
  ['a server admin writes a user profile', header('user_profile', 'ana'), null, SERVER_ADMIN, 'ok'],
  ['an admin still needs a valid shape', contact('ana', { emails: 'a@b.c' }), null, ADMIN, 'invalid_field'],
  ['a role in secObj.admins counts as admin', header('settings', 'x'), null, user('x', 'admin'), 'ok'],
  // several roles: any one that allows is enough; the most specific refusal is reported
  ['rep+support edits a case', supportCase('ana'), null, user('ana', 'rep', 'support'), 'ok'],
  ['rep+support on a colleague contact', contact('ana', { notes: 'x' }), anasContact, user('bruno', 'support', 'rep'), 'not_owner'],
  // design documents
  ['a rep cannot write a design doc', { _id: '_design/x' }, null, ANA, 'forbidden_type'],
  // shape
  ['type is required', { ...contact('ana'), type: undefined }, null, ANA, 'unknown_type'],
  ['unknown types are refused', { ...contact('ana'), type: 'invoice' }, null, ANA, 'unknown_type'],
  ['type cannot change', account('ana'), anasContact, ANA, 'type_changed'],
  ['owner is required', { ...contact('ana'), owner: undefined }, null, ANA, 'missing_field'],
  ['owner cannot be blank', contact(' '), null, ANA, 'missing_field'],
  ['owner must be a string', contact(7), null, ANA, 'invalid_field'],
  ['created_by may be empty (documents from before it existed)', contact('ana', { created_by: '' }), null, ANA, 'ok'],
  ['updated_at is required', { ...contact('ana'), updated_at: undefined }, null, ANA, 'missing_field'],
  ['timestamps are RFC 3339', contact('ana', { created_at: 'yesterday' }), null, ANA, 'invalid_field'],
  ['timestamps may carry an offset', contact('ana', { updated_at: '2026-11-26T11:00:00+01:00' }), null, ANA, 'ok'],
  ['any *_at field is a timestamp', activity('ana', { due_at: 12 }), null, ANA, 'invalid_field'],
  ['a contact needs a given or family name', contact('ana', { given_name: '', family_name: ' ' }), null, ANA, 'missing_field'],
  ['a family name alone is enough', contact('ana', { given_name: undefined, family_name: 'Ruiz' }), null, ANA, 'ok'],
  ['names must be strings', contact('ana', { given_name: ['x'] }), null, ANA, 'invalid_field'],
  ['contact emails are required', { ...contact('ana'), emails: undefined }, null, ANA, 'missing_field'],
  ['contact emails are strings', contact('ana', { emails: [1] }), null, ANA, 'invalid_field'],
  ['contact phones are an array', contact('ana', { phones: '+34612345678' }), null, ANA, 'invalid_field'],
  ['account_id may be absent or null', contact('ana', { account_id: null }), null, ANA, 'ok'],
  ['account_id must be a string', contact('ana', { account_id: 5 }), null, ANA, 'invalid_field'],
  ['a contact address is an object of strings', contact('ana', { address: { city: 3 } }), null, ANA, 'invalid_field'],
  ['an account needs a name', account('ana', { name: '' }), null, ANA, 'missing_field'],
  ['account addresses are address objects', account('ana', { addresses: ['C/ Mayor'] }), null, ANA, 'invalid_field'],
  ['tags are strings', account('ana', { tags: [true] }), null, ANA, 'invalid_field'],
  ['money has an integer amount_minor', deal('ana', { amount: { amount_minor: 12.5, currency: 'EUR' } }), null, ANA, 'invalid_field'],
  ['money has an ISO 4217 currency', deal('ana', { amount: { amount_minor: 1250, currency: 'euro' } }), null, ANA, 'invalid_field'],
  ['money is checked anywhere in the doc', deal('ana', { lines: [{ price: { amount_minor: '3' } }] }), null, ANA, 'invalid_field'],
  ['a well-formed deal passes', deal('ana', { lines: [{ price: { amount_minor: -300, currency: 'MXN' } }] }), null, ANA, 'ok'],
  ['deleting needs no body', del, anasContact, MARTA, 'ok'],
  // the team's set-up: pipelines, quotas, scoring and routing rules (managers and admins)
  ['an admin creates a pipeline', pipeline('admin'), null, ADMIN, 'ok'],
  ['a manager edits a pipeline', pipeline('marta', { name: 'Grandes cuentas' }), pipeline('admin'), MARTA, 'ok'],
  ['a rep cannot create a pipeline (the default included)', pipeline('ana'), null, ANA, 'forbidden_type'],
  ['a rep cannot edit a pipeline', pipeline('ana', { name: 'x' }), pipeline('admin'), ANA, 'forbidden_type'],
  ['support cannot write a pipeline', pipeline('sofia'), null, SOFIA, 'forbidden_type'],
  ['a rep cannot delete a pipeline', del, pipeline('admin'), ANA, 'forbidden_type'],
  ['a manager deletes a pipeline', del, pipeline('admin'), MARTA, 'ok'],
  ['a manager creates another pipeline', pipeline('marta', { name: 'Grandes cuentas', is_default: false }), null, MARTA, 'ok'],
  ['a manager restores a deleted pipeline (Undo)', pipeline('marta'), { ...pipeline('admin'), _deleted: true }, MARTA, 'ok'],
  ['an admin deletes a pipeline', del, pipeline('marta'), ADMIN, 'ok'],
  ['support cannot delete a pipeline', del, pipeline('admin'), SOFIA, 'forbidden_type'],
  ["a manager rescoring a rep's lead may write it", { ...header('lead', 'ana', 'marta'), given_name: 'Ana', score: 25 }, header('lead', 'ana'), MARTA, 'ok'],
  ['a pipeline needs a name', pipeline('admin', { name: ' ' }), null, ADMIN, 'missing_field'],
  ['a pipeline says whether it is the default', pipeline('admin', { is_default: undefined }), null, ADMIN, 'missing_field'],
  ['a pipeline needs stages', pipeline('admin', { stages: undefined }), null, ADMIN, 'missing_field'],
  ['a pipeline needs at least one stage', pipeline('admin', { stages: [] }), null, ADMIN, 'invalid_field'],
  ['a stage probability is 0-100', pipeline('admin', { stages: [stage('s1', 'A', 101)] }), null, MARTA, 'invalid_field'],
  ['a stage probability is an integer', pipeline('admin', { stages: [stage('s1', 'A', 12.5)] }), null, MARTA, 'invalid_field'],
  ['a stage needs a name', pipeline('admin', { stages: [stage('s1', '', 10)] }), null, MARTA, 'invalid_field'],
  ['stage ids are unique', pipeline('admin', { stages: [stage('s1', 'A', 10), stage('s1', 'B', 20)] }), null, MARTA, 'invalid_field'],
  ['a manager sets a rep\'s quota', quota('marta'), null, MARTA, 'ok'],
  ['a manager changes a rep\'s quota', quota('marta', { amount: { amount_minor: 1, currency: 'EUR' } }), quota('marta'), MARTA, 'ok'],
  ['a rep cannot set her own quota', quota('ana'), null, ANA, 'forbidden_type'],
  ['a rep cannot change her quota', quota('ana', { amount: { amount_minor: 1, currency: 'EUR' } }), quota('marta'), ANA, 'forbidden_type'],
  ['a quota has an amount', quota('marta', { amount: undefined }), null, MARTA, 'missing_field'],
  ['a quota period is a month or a quarter', quota('marta', { period_kind: 'week' }), null, MARTA, 'invalid_field'],
  ['a quarter is 1-4', quota('marta', { period_number: 5 }), null, MARTA, 'invalid_field'],
  ['a month is 1-12', quota('marta', { period_kind: 'month', period_number: 12 }), null, MARTA, 'ok'],
  ['a quota year is an integer', quota('marta', { year: '2026' }), null, MARTA, 'invalid_field'],
  ['a manager writes scoring rules (no owner)', scoring('marta'), null, MARTA, 'ok'],
  ['an admin writes scoring rules', scoring('admin'), null, ADMIN, 'ok'],
  ['a rep cannot write scoring rules', scoring('ana'), null, ANA, 'forbidden_type'],
  ['scoring points are integers', scoring('marta', { rules: [{ id: 'r', points: '5', condition: { kind: 'x' } }] }), null, MARTA, 'invalid_field'],
  ['a scoring rule has a condition kind', scoring('marta', { rules: [{ id: 'r', points: 5, condition: {} }] }), null, MARTA, 'invalid_field'],
  ['a scoring rule may be switched off', scoring('marta', { rules: [{ id: 'r', points: 5, enabled: false, condition: { kind: 'x' } }] }), null, MARTA, 'ok'],
  ['enabled is true or false', scoring('marta', { rules: [{ id: 'r', points: 5, enabled: 'no', condition: { kind: 'x' } }] }), null, MARTA, 'invalid_field'],
  ['scoring rules are required', scoring('marta', { rules: undefined }), null, MARTA, 'missing_field'],
  ['a manager writes routing rules', routing('marta'), null, MARTA, 'ok'],
  ['a rep cannot write routing rules', routing('ana'), null, ANA, 'forbidden_type'],
  ['a routing rule has a known kind', routing('marta', { rules: [{ id: 'r', when: { kind: 'moon' }, assign_to: 'x' }] }), null, MARTA, 'invalid_field'],
  ['a routing rule assigns to someone or a team', routing('marta', { rules: [{ id: 'r', when: { kind: 'always' } }] }), null, MARTA, 'invalid_field'],
  ['routing rules have a fallback owner (may be empty)', routing('marta', { fallback_owner: undefined }), null, MARTA, 'missing_field'],
  // round robin positions: any sales role (reps route leads offline)
  ['a rep writes round robin state', roundRobin(), null, ANA, 'ok'],
  ['a rep updates round robin state', roundRobin(), roundRobin(), BRUNO, 'ok'],
  ['a manager writes round robin state', roundRobin(), null, MARTA, 'ok'],
  ['support cannot write round robin state', roundRobin(), null, SOFIA, 'forbidden_type'],
  ['round robin state has cursors', roundRobin({ cursors: [] }), null, ANA, 'invalid_field'],
];

for (const [name, newDoc, oldDoc, userCtx, expected] of cases) {
  test(name, () => {
    assert.equal(verdict(newDoc, oldDoc, userCtx), expected);
  });
}

test('a refusal names the field, so the client can point at it', () => {
  assert.throws(
    () => vdu({ _id: 'c', ...contact('ana', { phones: [1] }) }, null, ANA, SEC),
    { forbidden: 'cartera:invalid_field: contact.phones must be an array of strings' },
  );
});

test('the stored function is plain ES5 (CouchDB 3 may run SpiderMonkey 1.8.5)', () => {
  // Comments may say anything: drop them before looking (the function has no '//' in strings).
  const src = DESIGN_DOC.validate_doc_update.replace(/\/\/.*$/gm, '');
  for (const [what, re] of [
    ['arrow functions', /=>/],
    ['let/const', /\b(let|const)\s/],
    ['template strings', /`/],
    ['includes()', /\.includes\(/],
    ['Number.isInteger', /Number\.isInteger/],
    ['spread', /\.\.\./],
  ]) {
    assert.ok(!re.test(src), `validate_doc_update uses ${what}`);
  }
});
