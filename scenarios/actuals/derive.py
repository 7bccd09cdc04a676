#!/usr/bin/env python3
"""Derives the shipped actuals in scenarios/actuals/ from the raw public data sets.

Run from the repository root, pointing at the shared data folder (the one whose README lists the
files and their sha256):

    python3 scenarios/actuals/derive.py ../shared/data

Reads only olist_marketing_funnel/*.csv and cdnow/CDNOW_master.txt, and writes:

  olist-funnel.csv        month; leads.ORIGIN (sampled MQLs by first-contact month and origin);
                          closes (won deals by won month)
  olist-funnel.deals.csv  lead_month (first contact), close_month (won), deals
  cdnow.csv               month; leads (customers making their first purchase that month);
                          active_customers (customers with a purchase that month); revenue (USD)
  cdnow.cohorts.csv       cohort_month (first purchase), tenure (months since), alive (customers
                          of the cohort with a purchase in that month)

Choices, explained in README.md here:
  * Olist: the lead file is a sample of MQLs with first contact 2017-06-01 .. 2018-05-31, and the
    closed deals are the sampled MQLs' deals. Leads are therefore 0 by construction after 2018-05
    (the sample's window, not Olist's business), and closes are left blank before 2017-12: won dates
    start on 2017-12-05, and the 2017 cohorts' low conversion shows earlier wins are missing, not zero.
  * Olist origin "" (blank) becomes the channel no_origin.
  * One deal was won 2 days before its first contact; its lag is counted in calendar months like any
    other (it falls in the same month, lag 0).
Python 3 standard library only; the output is the same bytes on every run.
"""
import csv
import os
import sys
from collections import Counter, defaultdict
from datetime import date, datetime

HERE = os.path.dirname(os.path.abspath(__file__))

OLIST_NOTE = [
    "# Derived from Olist, \"Marketing Funnel by Olist\" (Kaggle olistbr/marketing-funnel-olist), licensed",
    "# CC BY-NC-SA 4.0: non-commercial use only, share alike, attribute Olist. Made by",
    "# scenarios/actuals/derive.py from the raw files; see scenarios/actuals/README.md.",
]
CDNOW_NOTE = [
    "# Derived from the CDNOW customer purchase data (Fader & Hardie 2001, \"Forecasting Repeat Sales at",
    "# CDNOW\", Interfaces 31(3)), brucehardie.com/datasets: offered free for research and teaching, no",
    "# licence stated. Monthly counts made by scenarios/actuals/derive.py; see scenarios/actuals/README.md.",
]


def label(index):
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def month_index(d):
    return d.year * 12 + d.month - 1


def write(name, notes, header, rows):
    with open(os.path.join(HERE, name), "w", newline="", encoding="utf-8") as f:
        for line in notes:
            f.write(line + "\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def olist(root):
    raw = os.path.join(root, "olist_marketing_funnel")
    with open(os.path.join(raw, "olist_marketing_qualified_leads_dataset.csv"), newline="", encoding="utf-8") as f:
        mqls = list(csv.DictReader(f))
    with open(os.path.join(raw, "olist_closed_deals_dataset.csv"), newline="", encoding="utf-8") as f:
        deals = list(csv.DictReader(f))
    contact = {r["mql_id"]: month_index(date.fromisoformat(r["first_contact_date"])) for r in mqls}
    origin = {r["mql_id"]: (r["origin"] or "no_origin") for r in mqls}
    leads = Counter((contact[m], origin[m]) for m in contact)
    origins = sorted({o for _, o in leads})
    won = Counter()
    cells = Counter()
    for r in deals:
        w = month_index(datetime.strptime(r["won_date"], "%Y-%m-%d %H:%M:%S").date())
        won[w] += 1
        cells[(contact[r["mql_id"]], w)] += 1
    first_lead, last_lead = min(contact.values()), max(contact.values())
    first_won, last_won = min(won), max(won)
    rows = []
    for m in range(first_lead, last_won + 1):
        row = [label(m)]
        row += [leads[(m, o)] if m <= last_lead else 0 for o in origins]
        row.append(won[m] if m >= first_won else "")
        rows.append(row)
    write("olist-funnel.csv", OLIST_NOTE + [
        "# leads.*: sampled MQLs by month of first contact and origin; 0 after 2018-05 because the sample",
        "# covers first contacts to 2018-05-31 only. closes: won deals by won month; blank before 2017-12,",
        "# where the data have no wins (missing, not zero).",
    ], ["month"] + [f"leads.{o}" for o in origins] + ["closes"], rows)
    write("olist-funnel.deals.csv", OLIST_NOTE + [
        "# Won deals by month of the lead's first contact and month won.",
    ], ["lead_month", "close_month", "deals"],
        [[label(c), label(w), n] for (c, w), n in sorted(cells.items())])
    print(f"olist: {len(mqls)} MQLs, {len(deals)} deals, months {label(first_lead)}..{label(last_won)}, "
          f"origins {', '.join(origins)}")


def cdnow(root):
    first = {}
    records = []
    with open(os.path.join(root, "cdnow", "CDNOW_master.txt"), encoding="ascii") as f:
        for line in f:
            if line.strip():
                cust, day, _cds, dollars = line.split()
                m = int(day[:4]) * 12 + int(day[4:6]) - 1
                records.append((cust, m, float(dollars)))
                first[cust] = min(first.get(cust, m), m)
    active = defaultdict(set)
    cohort_active = defaultdict(set)
    dollars = defaultdict(float)
    for cust, m, usd in records:
        active[m].add(cust)
        cohort_active[(first[cust], m - first[cust])].add(cust)
        dollars[m] += usd
    new = Counter(first.values())
    lo, hi = min(active), max(active)
    write("cdnow.csv", CDNOW_NOTE + [
        "# leads: customers making their first purchase in the month (all 23,570 in 1997-01..03, the",
        "# data's cohort); active_customers: customers with a purchase in the month; revenue: USD.",
    ], ["month", "leads", "active_customers", "revenue"],
        [[label(m), new[m], len(active[m]), f"{dollars[m]:.2f}"] for m in range(lo, hi + 1)])
    rows = []
    for c in sorted(new):
        for k in range(hi - c + 1):
            rows.append([label(c), k, len(cohort_active[(c, k)])])
    write("cdnow.cohorts.csv", CDNOW_NOTE + [
        "# alive: customers of the cohort (month of first purchase) with a purchase in the month, tenure",
        "# months later. Activity, not survival: a customer may skip months and come back.",
    ], ["cohort_month", "tenure", "alive"], rows)
    print(f"cdnow: {len(records)} records, {len(first)} customers, months {label(lo)}..{label(hi)}")


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: derive.py SHARED_DATA_DIR")
    olist(sys.argv[1])
    cdnow(sys.argv[1])


if __name__ == "__main__":
    main()
