#!/usr/bin/env bash
# Replays the demo slice with curl against a running platform (see README, "Replay the slice").
# Needs: the platform started on an empty database with DEMO_PASSWORD set, e.g.
#   DEMO_PASSWORD=Longjing-tea-demo-2026 npm start
set -euo pipefail
API=${API:-http://127.0.0.1:3000/api/v1}
PW=${DEMO_PASSWORD:?set DEMO_PASSWORD to the password the demo was seeded with}
json() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const v=eval("JSON.parse(s)"+process.argv[1]);console.log(typeof v==="object"?JSON.stringify(v):v)})' "$1"; }
login() { curl -sf "$API/auth/login" -H 'content-type: application/json' -d "{\"username\":\"$1\",\"password\":\"$PW\"}" | json .accessToken; }
call() { local token=$1 method=$2 path=$3 body=${4:-}; curl -sf -X "$method" "$API$path" -H "authorization: Bearer $token" -H 'content-type: application/json' ${body:+-d "$body"}; }

ORG=$(login organizer)
DISTRICT=$(call "$ORG" GET /auth/me | json '.roles[0].orgId')
EVENT=$(call "$ORG" POST /events "{\"organisationId\":$DISTRICT,\"kind\":\"skill_competition\",\"name\":\"2026年拱墅区职工电工技能竞赛\"}" | json .id)
ITEM=$(call "$ORG" POST "/events/$EVENT/items" '{"name":"低压电工（职工组）"}' | json .id)
call "$ORG" PUT "/items/$ITEM/scheme" '{"scheme":{"kind":"judge-panel","marks":{"min":0,"max":100,"maxDecimals":2},"criteria":[{"key":"总分","aggregate":"mean","drop":{"highest":1,"lowest":1}}],"rounding":{"digits":2,"mode":"half-up"}}}' >/dev/null
call "$ORG" PUT "/events/$EVENT/registration" '{"autoApprove":true,"bibPrefix":"DG"}' >/dev/null
call "$ORG" POST "/events/$EVENT/status" '{"status":"registration_open"}' >/dev/null
ENTRIES=()
for i in 1 2 3 4; do ENTRIES+=("$(call "$(login contestant$i)" POST "/items/$ITEM/entries" '{}' | json .id)"); done
call "$ORG" POST "/events/$EVENT/status" '{"status":"registration_closed"}' >/dev/null
call "$ORG" POST "/events/$EVENT/status" '{"status":"in_progress"}' >/dev/null
JUDGE_IDS=()
for j in 1 2 3; do
  JUDGE_IDS+=("$(call "$(login judge$j)" GET /auth/me | json .id)")
  call "$ORG" POST "/items/$ITEM/judges" "{\"userId\":${JUDGE_IDS[$((j - 1))]}}" >/dev/null
done
# Marks by judge 1, 2, 3 for each of the four entries.
MARKS=("85 90 88" "92.5 79 86" "88 88 95" "70 99 75.5")
for e in 0 1 2 3; do
  read -r -a m <<<"${MARKS[$e]}"
  for j in 1 2 3; do call "$(login judge$j)" PUT "/items/$ITEM/marks" "{\"entryId\":${ENTRIES[$e]},\"value\":\"${m[$((j - 1))]}\"}" >/dev/null; done
done
# Each judge hands in their sheet; only submitted sheets count.
for j in 1 2 3; do
  TOKEN=$(login judge$j)
  VERSION=$(call "$TOKEN" GET "/items/$ITEM/sheets/${JUDGE_IDS[$((j - 1))]}" | json .version)
  call "$TOKEN" POST "/items/$ITEM/sheets/${JUDGE_IDS[$((j - 1))]}/submit" "{\"version\":$VERSION}" >/dev/null
done
sleep 1 # the worker tallies within a few hundred milliseconds
curl -sf "$API/items/$ITEM/results" | json '.results.map(r=>`${r.place}\t${r.total}\t${r.realName}\t${r.organisationName}`).join("\n")'
