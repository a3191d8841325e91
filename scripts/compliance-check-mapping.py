#!/usr/bin/env python3
"""Writes src/contexts/compliance/profiles/check-mapping.json: obligation id -> check type + params.

The mapping is data shipped with Simpul; this script only produced its first version from the
obligations' fields (explicit choices first, then rules). Edit the JSON directly (or re-run and
review the diff) when a module adds a check source. Rules, in order:
  1. an explicit choice below (the records of an existing module decide it);
  2. `check` is "manual attestation" -> attestation;
  3. a periodic submission (yearly / every 2 or 5 years) of a module with no records of its own
     -> recurring_submission owned by compliance (the agency uploads the document for the period);
  4. a decree, plan or policy that must be "recorded (as in force)" -> document_in_force;
  5. other duties of the organization module -> attestation (the module exists, its records do
     not hold the fact: a person vouches for it);
  6. anything else -> pending {module}: shown as "belum didukung" until that module provides it.
"""
import json, os, re

HERE = os.path.dirname(os.path.abspath(__file__))
PROFILES = os.path.join(HERE, '..', 'src', 'contexts', 'compliance', 'profiles')

def reg(source, **p): return {'type': 'registry_coverage', 'params': {'source': source, **p}}
def wf(source, **p): return {'type': 'workflow_step', 'params': {'source': source, **p}}
def role(r): return {'type': 'role_filled', 'params': {'source': 'identity.role', 'role': r}}
def review(source, **p): return {'type': 'review_within_period', 'params': {'source': source, **p}}
def sub(source, **p): return {'type': 'recurring_submission', 'params': {'source': source, **p}}
ATTEST = {'type': 'attestation', 'params': {}}

EXPLICIT = {
  # applications
  'tabanan-44-2022.p6.a3.a': wf('applications.consultation'),
  'tabanan-44-2022.p7.a1': wf('applications.lifecycle'),
  'tabanan-44-2022.p7.a3': wf('applications.consultation'),
  'tabanan-44-2022.p7.a4': reg('applications.documents'),
  'tabanan-44-2022.p7.a5': reg('applications.repository'),
  'oku-timur-2022.p19.a2': reg('applications.documents'),
  'oku-timur-2022.p19.a3': reg('applications.repository'),
  'oku-timur-2022.p19.a6': review('applications.audit', months=24),
  'sragen-41-2019.p11.a2': reg('applications.documents', kind='khusus'),
  'sragen-41-2019.p11.a3': reg('applications.repository', kind='khusus'),
  # datacenter
  'tabanan-44-2022.p14.a1': reg('datacenter.placements'),
  'sragen-41-2019.p14.a1': reg('datacenter.placements'),
  'oku-timur-2022.p13.a1': reg('datacenter.placements'),
  'purbalingga-45-2024.p14.a4': reg('datacenter.placements'),
  'tabanan-44-2022.p14.a6.b': reg('datacenter.devices'),
  'tabanan-44-2022.p14.a6.c': reg('datacenter.access_authorities'),
  'tabanan-44-2022.p14.a6.d': reg('datacenter.activity_records'),
  'tabanan-44-2022.p14.a10.a': wf('datacenter.hosting_workflow', workflow='hosting_request', step='submit'),
  'tabanan-44-2022.p14.a10.b': wf('datacenter.hosting_workflow', workflow='hosting_request', step='test'),
  'tabanan-44-2022.p14.a10.c': wf('datacenter.hosting_workflow', workflow='hosting_request', step='analysis'),
  'tabanan-44-2022.p14.a10.d': wf('datacenter.hosting_workflow', workflow='hosting_request', step='decision'),
  'tabanan-44-2022.p14.a10.e': wf('datacenter.hosting_workflow', workflow='hosting_request', step='resubmit'),
  'sragen-41-2019.p14.a9': wf('datacenter.hosting_workflow', workflow='hosting_request', step='submit'),
  'oku-timur-2022.p15.a1': sub('datacenter.backups'),
  'sragen-41-2019.p17.a4.a': sub('datacenter.backups'),
  'sragen-41-2019.p17.a4.b': review('datacenter.restore_tests'),
  'purbalingga-45-2024.p14.a13': sub('datacenter.backups', scope='regency'),
  # the Dinas's review of each agency's backups is not a record of the datacenter module
  'oku-timur-2022.p15.a2': ATTEST,
  'purbalingga-45-2024.p14.a14': ATTEST,
  # identity: roles filled
  'tabanan-44-2022.p27.a7.a': role('tier1_desk'),
  'tabanan-44-2022.p27.a7.b': role('tier2_desk'),
  'oku-timur-2022.p29.a1.a': role('tier1_desk'),
  'oku-timur-2022.p29.a1.b': role('tier2_desk'),
}

DOCUMENT = re.compile(r'(recorded as (in force|adopted)|is recorded (as|whose|and in force)|enacted by|'
                      r'(Keputusan|Peraturan) Bupati .*is recorded|decree .*is recorded|is recorded in the)', re.I)

def mapping(o):
    if o['id'] in EXPLICIT: return EXPLICIT[o['id']]
    if o['check'].strip().lower() == 'manual attestation': return ATTEST
    if o['kind'] == 'recurring_submission' and o['period'] in ('yearly', 'every_2_years', 'every_5_years') \
            and o['module'] not in ('data', 'datacenter'):
        return {'type': 'recurring_submission', 'params': {'period': o['period']}}
    if o['kind'] in ('document', 'organisation') and not o['check'].startswith('Every') and DOCUMENT.search(o['check']):
        return {'type': 'document_in_force', 'params': {'period': o['period']}}
    if o['module'] == 'organization': return ATTEST
    return {'type': 'pending', 'params': {'module': o['module']}}

out = {}
for name in sorted(f for f in os.listdir(PROFILES) if f.endswith('.json') and f != 'check-mapping.json'):
    doc = json.load(open(os.path.join(PROFILES, name)))
    for o in doc['obligations']:
        out[o['id']] = mapping(o)
missing = set(EXPLICIT) - set(out)
assert not missing, missing
json.dump(out, open(os.path.join(PROFILES, 'check-mapping.json'), 'w'), indent=1, ensure_ascii=False)
from collections import Counter
print(len(out), Counter(v['type'] for v in out.values()))
