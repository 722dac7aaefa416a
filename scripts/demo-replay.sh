#!/usr/bin/env bash
# A guided tour of the platform with curl, against a running `npm start` (README, "A guided tour").
# Needs the demo seeded with one known password, e.g. `DEMO_PASSWORD=Longjing-tea-demo-2026 npm run demo:reset`.
# Each run makes its own event (named with the time), so it can be run again and again.
set -euo pipefail
API=${API:-http://127.0.0.1:3000/api/v1}
PW=${DEMO_PASSWORD:?set DEMO_PASSWORD to the password the demo was seeded with}
RUN=${RUN:-$(TZ=Asia/Shanghai date +%m%d-%H%M%S)}
json() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const v=eval("JSON.parse(s)"+process.argv[1]);console.log(typeof v==="object"?JSON.stringify(v):v)})' "$1"; }
login() { curl -sf "$API/auth/login" -H 'content-type: application/json' -d "{\"username\":\"$1\",\"password\":\"$PW\"}" | json .accessToken; }
call() { local token=$1 method=$2 path=$3 body=${4:-}; curl -sf -X "$method" "$API$path" -H "authorization: Bearer $token" -H 'content-type: application/json' ${body:+-d "$body"}; }

# The tour (README.md shows it from here on, line for line).
# 1. The organizer of 拱墅区总工会 creates an electricians' contest with one item, scored by a panel
#    of judges (drop the highest and the lowest mark, average the rest), and opens registration.
ORG=$(login organizer)
DISTRICT=$(call "$ORG" GET /auth/me | json '.roles[0].orgId')
EVENT=$(call "$ORG" POST /events "{\"organisationId\":$DISTRICT,\"kind\":\"skill_competition\",\"name\":\"2026年拱墅区职工电工技能竞赛（演示 $RUN）\"}" | json .id)
ITEM=$(call "$ORG" POST "/events/$EVENT/items" '{"name":"低压电工（职工组）"}' | json .id)
call "$ORG" PUT "/items/$ITEM/scheme" '{"scheme":{"kind":"judge-panel","marks":{"min":0,"max":100,"maxDecimals":2},"criteria":[{"key":"总分","aggregate":"mean","drop":{"highest":1,"lowest":1}}],"rounding":{"digits":2,"mode":"half-up"}}}' >/dev/null
call "$ORG" PUT "/events/$EVENT/registration" '{"autoApprove":true,"bibPrefix":"DG"}' >/dev/null
call "$ORG" POST "/events/$EVENT/status" '{"status":"registration_open"}' >/dev/null

# 2. Four contestants register themselves (approved at once, each gets a bib); registration closes.
ENTRIES=()
for i in 1 2 3 4; do ENTRIES+=("$(call "$(login contestant$i)" POST "/items/$ITEM/entries" '{}' | json .id)"); done
call "$ORG" POST "/events/$EVENT/status" '{"status":"registration_closed"}' >/dev/null
call "$ORG" POST "/events/$EVENT/status" '{"status":"in_progress"}' >/dev/null

# 3. Three judges are seated; each enters a mark per contestant (text or a number: "85" or 85).
JUDGES=() JUDGE_IDS=()
for j in 0 1 2; do
  JUDGES+=("$(login judge$((j + 1)))")
  JUDGE_IDS+=("$(call "${JUDGES[$j]}" GET /auth/me | json .id)")
  call "$ORG" POST "/items/$ITEM/judges" "{\"userId\":${JUDGE_IDS[$j]}}" >/dev/null
done
MARKS=("85 90 88" "92.5 79 86" "88 88 95" "70 99 75.5") # judge 1, 2, 3 for each contestant
for e in 0 1 2 3; do
  read -r -a m <<<"${MARKS[$e]}"
  for j in 0 1 2; do call "${JUDGES[$j]}" PUT "/items/$ITEM/marks" "{\"entryId\":${ENTRIES[$e]},\"value\":${m[$j]}}" >/dev/null; done
done

# 4. Each judge hands in their sheet; only submitted sheets count, and the worker tallies the item.
for j in 0 1 2; do
  VERSION=$(call "${JUDGES[$j]}" GET "/items/$ITEM/sheets/${JUDGE_IDS[$j]}" | json .version)
  call "${JUDGES[$j]}" POST "/items/$ITEM/sheets/${JUDGE_IDS[$j]}/submit" "{\"version\":$VERSION}" >/dev/null
done

# 5. The results are public: place, total, name, delegation (waits until the tally is in).
for _ in $(seq 1 50); do
  [ "$(curl -sf "$API/items/$ITEM/results" | json '.results.filter(r=>r.status==="OK").length')" = 4 ] && break
  sleep 0.2
done
curl -sf "$API/items/$ITEM/results" | json '.results.map(r=>`${r.place}\t${r.total}\t${r.realName}\t${r.organisationName}`).join("\n")'
