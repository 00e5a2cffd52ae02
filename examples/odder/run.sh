#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The worked example: Odder Kommune's review of governance on the
# specialised social area (bostøtte) in 2017-18, as the Fremfærd project
# description and two articles tell it (shared/seeds 000, 001, 003).  It
# builds the register through the CLI, walks the six phases with the
# meetings the seeds mention, and prints the handouts.
#
#   ./run.sh [OUTDIR]      (default: ./out; STYR names the binary)
#
# Everything here is what a documentation agent or facilitator would type.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
: "${STYR:=$here/../../styr}"
out=${1:-$here/out}
mkdir -p "$out"
cd "$out"
rm -f odder.xml
export STYR_FILE=odder.xml
# Odder works in Danish: the change log (and the decision log handout that
# quotes it) is written in the language of whoever makes the change.
if locale -a 2>/dev/null | grep -qi '^da_DK\.utf-\?8$'; then
	export LC_ALL=da_DK.UTF-8
fi
export STYR_USER="Tina Sloth Poulsen"

s() { "$STYR" -q "$@"; }

# --- Phase 1: support and organisation (June-August 2017) ---------------
s init --org "Odder Kommune" --date 2017-06-01 \
	--title "Nybureaukratisering: meningsfuld styring på det specialiserede socialområde"

s person add "Britta Kempel" --role ledelse            # P1 chef, Social- og Borgerservice
s person add "Mette Nautrup Bruun" --role ledelse      # P2 leder af myndighed
s person add "Birgit Hansen" --role ledelse            # P3 leder, Vejledning og Mestring
s person add "Område-MED Social og Sundhed" --role med # P4
s person add "Tina Sloth Poulsen" --role forvaltning   # P5 Ledelse & Udvikling
s person add "Jonas Tscherning Sørensen" --role tr     # P6 pædagog og TR
s person add "Torben Højris" --role medarbejder        # P7 socialrådgiver, myndighed
s person add "Marianne Vogt" --role medarbejder        # P8 vejleder
s person add "Henriette Bomholt" --role medarbejder    # P9 ergoterapeut
s person add "Lene Fagkonsulent" --role dokumentationsagent  # P10
s person add "Styregruppen" --role styregruppe         # P11

s meeting add styregruppemøde "Opstart: kommissorium og sammensætning" \
	--date 2017-06-14 --phase 1
s meeting attend M1 P1 P2 P3 P4 P5 P11
s meeting add andet "Opstartsmøder med ledelse og medarbejdere" \
	--date 2017-06-22 --phase 1
s meeting attend M2 P1 P2 P3 P6 P7 P8 P9
s milestone done 1.1 --date 2017-06-14 --note "Projektbeskrivelse godkendt i ledelse og Område-MED"
s milestone done 1.2 --date 2017-06-14 --note "Styregruppe nedsat med kommissorium"
s milestone done 1.3 --date 2017-06-22
s phase done 1 --date 2017-08-15

# --- Phase 2: common language (August-September 2017) -------------------
s phase start 2 --date 2017-08-15
s meeting add seminar "Hvad er styring, og hvornår understøtter den?" \
	--date 2017-08-24 --phase 2
s meeting attend M3 P1 P2 P3 P4 P5 P6 P7 P8 P9 P10
s area add VIS "Visitation"
s area add DOK "Dokumentation og opfølgning"
s area add BUD "Budgetmodel"
s milestone done 2.1 --date 2017-08-24
s milestone done 2.2 --date 2017-09-01 --note "Tre spor: visitation, dokumentation, budgetmodel"
s milestone done 2.3 --date 2017-09-01
s phase done 2 --date 2017-09-05

# --- Phase 3: exploring and mapping (September-November 2017) -----------
s phase start 3 --date 2017-09-05
s meeting add undervisningsmodul "Modul 1: udforskning og kortlægning" \
	--date 2017-09-12 --phase 3
s meeting attend M4 P5 P10

bum=$(s add regel "Udfører får betaling pr. leveret ydelse (BUM-modellen)" \
	--area BUD --origin kommunalbestyrelsen --owner "Social- og Borgerservice" \
	--found dokument --source "Budgetmodel for bostøtte" \
	--desc "Jo flere borgere og længere støtteforløb, jo flere penge til udfører-institutionen.")
vum=$(s add dokumentation "§ 85 bostøtte kræver fuld udredning efter Voksenudredningsmetoden" \
	--area DOK --origin lov --owner "Myndighed" --found interview \
	--source "Serviceloven § 85; VUM" \
	--desc "Også lettere sager udredes fuldt, før støtten kan bevilges.")
timer=$(s add regel "Bostøtte bevilges som et ugentligt timeantal" \
	--area VIS --origin forvaltningen --owner "Myndighed" --found dokument \
	--desc "Støtten beskrives som ydelse i timer pr. uge, ikke ud fra borgerens mål.")
hjem=$(s add regel "Bostøtte gives som besøg i borgerens eget hjem" \
	--area VIS --origin lokal --owner "Vejledning og Mestring" --found observation)
pakke=$(s add regel "Udfører kan ikke stille spørgsmål til den bevilgede pakke" \
	--area VIS --origin forvaltningen --found interview \
	--desc "Der kan gå flere måneder, før udfører kommer på banen.")
time=$(s add dokumentation "Timeregistrering pr. borger til afregning med myndighed" \
	--area BUD --origin forvaltningen --owner "Økonomi" --found interview)
let=$(s add dokumentation "Lettere sager dokumenteres lige så grundigt som komplekse" \
	--area DOK --origin lokal --found interview)
plan=$(s add dokumentation "Handleplan og skriftlig afgørelse også for korte forløb" \
	--area DOK --origin lov --found dokument --source "Serviceloven; forvaltningsloven")
maal=$(s add mål "Borgeren mestrer eget liv (Aktivt Medborgerskab)" \
	--area VIS --origin kommunalbestyrelsen --owner "Social- og Sundhedsudvalget")
s add mål "Flere borgere hjælpes for de samme penge" --area BUD --origin ledelse >/dev/null

s note "$bum" "Tidligere havde vi en klassisk BUM-model, hvor jeg som myndighedsperson lavede en funktionsudredning og bevilligede en pakke." \
	--method interview --date 2017-09-28 --by "Torben Højris"
s note "$bum" "Incitamentet siger: jo flere borgere og længere forløb, jo flere penge." \
	--method document --date 2017-09-20
s note "$vum" "Et almindeligt § 85-forløb kræver et langt udredningsforløb og er vældig dokumentationstungt." \
	--method interview --date 2017-10-02 --by "Lene Fagkonsulent"
s note "$timer" "Vi taler om pakker og timer i stedet for om borgerens mål." \
	--method interview --date 2017-10-05 --by "Marianne Vogt"
s note "$pakke" "Der kunne gå flere måneder, før udfører kom på banen." \
	--method interview --date 2017-10-05 --by "Torben Højris"
s note "$hjem" "Støtten gives pr. automatik i hjemmet, også når et gruppeforløb ville hjælpe mere." \
	--method observation --date 2017-10-11

# Experience ratings from the staff survey (baseline).
for who in "Torben Højris" "Marianne Vogt" "Henriette Bomholt" "Jonas Tscherning Sørensen"; do
	s rate "$bum" for-stram --respondent "$who"
	s rate "$vum" for-stram --respondent "$who"
	s rate "$timer" for-stram --respondent "$who"
done
s rate "$hjem" for-stram --respondent "Marianne Vogt"
s rate "$hjem" understøttende --respondent "Henriette Bomholt"
s rate "$pakke" for-stram --respondent "Torben Højris"
s rate "$pakke" for-stram --respondent "Marianne Vogt"
s rate "$time" for-stram --respondent "Henriette Bomholt"
s rate "$let" for-stram --respondent "Torben Højris"
s rate "$plan" understøttende --respondent "Mette Nautrup Bruun"
s rate "$plan" for-slap --respondent "Torben Højris"
s rate "$maal" understøttende --respondent "Britta Kempel"

# Burden estimates (Standard Cost Model: minutes x occurrences).
s burden --default-tariff 450
s burden "$vum" --minutes 360 --per-year 120 --staff 6
s burden "$timer" --minutes 20 --per-year 900 --staff 12
s burden "$time" --minutes 10 --per-year 4800 --staff 14
s burden "$let" --minutes 90 --per-year 200 --staff 6
s burden "$plan" --minutes 45 --per-year 150 --staff 6

s meeting add netværksmøde "Netværksmøde 1" --date 2017-10-17 --phase 3
s meeting attend M5 P5 P10
for m in 3.1 3.2 3.3 3.4 3.5; do s milestone done $m --date 2017-10-31; done
s phase done 3 --date 2017-11-01

# --- Phase 4: prioritisation (November 2017) -----------------------------
s phase start 4 --date 2017-11-01
s meeting add undervisningsmodul "Modul 2: systematik, analyse og prioritering" --date 2017-11-02 --phase 4
s meeting attend M6 P5 P10
# Nine workshops in three tracks (seed 001); the first of each track
# prioritises.
s meeting add workshop "Ny visitationsmodel (1 af 3): prioritering" --date 2017-11-08 --phase 4
s meeting add workshop "Ny dokumentationsmodel (1 af 3): prioritering" --date 2017-11-09 --phase 4
s meeting add workshop "Ny budgetmodel (1 af 3): prioritering" --date 2017-11-10 --phase 4
s meeting attend M7 P2 P6 P7 P8 P10
s meeting attend M8 P2 P7 P9 P10
s meeting attend M9 P1 P3 P6 P10

for who in "Torben Højris" "Marianne Vogt" "Jonas Tscherning Sørensen"; do
	s vote "$timer" fjerne --by "$who" --meeting M7
	s vote "$pakke" forandre --by "$who" --meeting M7
done
s vote "$hjem" forandre --by "Marianne Vogt" --meeting M7
s vote "$maal" forankre --count 5 --meeting M7
s vote "$vum" forandre --count 4 --meeting M8
s vote "$vum" fjerne --count 1 --meeting M8
s vote "$let" fjerne --count 3 --meeting M8
s vote "$let" forandre --count 2 --meeting M8
s vote "$plan" forankre --count 4 --meeting M8
s vote "$bum" fjerne --count 4 --meeting M9
s vote "$time" fjerne --count 3 --meeting M9
s vote "$time" forandre --count 1 --meeting M9

s prioritise "$bum" fjerne --why "Incitamentet modarbejder Aktivt Medborgerskab; fast budget forhandlet to gange årligt i stedet" --date 2017-11-10
s prioritise "$timer" fjerne --why "Støtten skal tage afsæt i borgerens mål, ikke i ugentlige timer" --date 2017-11-08
s prioritise "$pakke" forandre --why "Myndighed og udfører mødes med borgeren fra første møde" --date 2017-11-08
s prioritise "$vum" forandre --why "Lovkrav: kan ikke fjernes, men udredningen kan tilpasses sagens tyngde" --date 2017-11-09
s prioritise "$let" fjerne --why "Mindre tid på dokumentation i lette sager, mere på råd og vejledning" --date 2017-11-09
s prioritise "$time" fjerne --date 2017-11-10
s prioritise "$plan" forankre --date 2017-11-09
s prioritise "$maal" forankre --date 2017-11-08

s meeting add netværksmøde "Netværksmøde 2" --date 2017-11-21 --phase 4
s meeting attend M10 P5 P10
s meeting add styregruppemøde "Styregruppen vælger indsatsområder" --date 2017-11-28 --phase 4
s meeting attend M11 P1 P2 P3 P4 P11

# Odder chose all three tracks at once; styr reminds of the small-steps
# principle here (a warning, not a refusal).
s --by "Styregruppen" decide "$bum" valgt --why "Ny budgetmodel fra 1. januar 2018" --date 2017-11-28
s --by "Styregruppen" decide "$timer" valgt --why "Ny visitationsmodel" --date 2017-11-28 2>/dev/null
s --by "Styregruppen" decide "$pakke" valgt --date 2017-11-28 2>/dev/null
s --by "Styregruppen" decide "$let" valgt --why "Ny dokumentationsmodel" --date 2017-11-28 2>/dev/null
s --by "Styregruppen" decide "$time" udskudt --why "Afventer den nye budgetmodel" --date 2017-11-28
s --by "Styregruppen" decide "$vum" afvist --why "Lovkrav; tages op igen i dokumentationssporet" --date 2017-11-28
for m in 4.1 4.2 4.3 4.4 4.5; do s milestone done $m --date 2017-11-28; done
s milestone done 4.6 --date 2017-12-05 --note "Status givet i Område-MED"
s phase done 4 --date 2017-12-05

# --- Phase 5: developing and trying solutions (Dec 2017 - May 2018) ------
s phase start 5 --date 2017-12-05
s meeting add undervisningsmodul "Modul 3: prototyper og afprøvning" --date 2017-12-07 --phase 5
s meeting attend M12 P5 P10
for n in 2 3; do
	s meeting add workshop "Ny visitationsmodel ($n af 3)" --date 2018-0$((n))-06 --phase 5
	s meeting add workshop "Ny dokumentationsmodel ($n af 3)" --date 2018-0$((n))-07 --phase 5
	s meeting add workshop "Ny budgetmodel ($n af 3)" --date 2018-0$((n))-08 --phase 5
done
s meeting attend M13 P2 P7 P8 P10
s meeting attend M14 P2 P7 P9 P10
s meeting attend M15 P1 P3 P4 P6
s meeting add læringsmøde "Rådgivningsteamet i Vores Netværk" --date 2018-03-15 --phase 5
s meeting add læringsmøde "Fast budget for udfører" --date 2018-04-12 --phase 5
s meeting attend M20 P3 P6 P7 P8 P9
s meeting add netværksmøde "Netværksmøde 3" --date 2018-04-24 --phase 5

s solution "$bum" --status implemented \
	--criteria "Udfører har fast budget, forhandlet to gange årligt; antal borgere hjulpet og ventetid følges" \
	--evaluate-by 2018-12-31 --date 2018-04-12
s solution "$timer" --status pilot \
	--criteria "Bevillinger beskriver borgerens mål; andel forløb efter § 82b; tid fra første møde til indsats" \
	--evaluate-by 2018-10-31 --date 2018-03-15
s solution "$pakke" --status pilot --criteria "Fælles første møde i rådgivningsteamet for nye borgere" --date 2018-03-15
s solution "$let" --status prototype --date 2018-03-07
for m in 5.1 5.2 5.3 5.4; do s milestone done $m --date 2018-05-01; done

# Follow-up survey in the pilot (for the evaluation handout).
for who in "Torben Højris" "Marianne Vogt" "Henriette Bomholt"; do
	s rate "$bum" understøttende --round followup --respondent "$who"
	s rate "$timer" understøttende --round followup --respondent "$who"
done
s rate "$pakke" understøttende --round followup --respondent "Torben Højris"
s rate "$let" for-stram --round followup --respondent "Torben Højris"

s validate
s summary

# --- Handouts --------------------------------------------------------------
for h in faseplan kortlaegning workshop styregruppe status evaluering beslutninger; do
	s handout "$h" --force
done
s handout status --lang en -o status-en.odt --force
# The workshop sheet as PDF too, for mailing, where LibreOffice is
# installed (it makes the PDF from the ODT).
if command -v soffice >/dev/null 2>&1; then
	s handout workshop -o workshop.pdf --force
fi
echo "Odder example: register $out/odder.xml, handouts in $out/"
