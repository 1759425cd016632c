#!/usr/bin/env python3
"""Writes content/statistics/accidents.csv: MADE-UP example figures for the
example site (categories.yaml says sample: true). Deterministic: a fixed seed.
Whole-year rows for 2020-2023, monthly rows for 2024 and January-August 2025,
so that the statistics page shows a year-to-date comparison."""
import random, sys

random.seed(20251001)
regions = {"putuo": 1.0, "chedun": 0.35, "lvxiang": 0.25}
categories = {"road-traffic": 9.0, "fire": 2.0, "industry-trade": 2.5, "construction": 1.5, "gas": 0.6}
rows = ["period,region,category,accidents,deaths,injuries,loss,severity"]

def figures(mean):
    accidents = max(0, round(random.gauss(mean, mean * 0.25)))
    deaths = 0 if accidents == 0 else min(accidents, round(accidents * random.uniform(0.05, 0.3)))
    injuries = round(accidents * random.uniform(0.3, 1.2))
    loss = round(accidents * random.uniform(2, 15), 1)
    return accidents, deaths, injuries, loss

for year in range(2020, 2024):
    trend = 1.0 - (year - 2020) * 0.08
    for region, scale in regions.items():
        for category, base in categories.items():
            a, d, i, l = figures(base * scale * trend * 12 / 2)
            rows.append(f"{year},{region},{category},{a},{d},{i},{l},")
    # One major (较大) accident in some years, as its own row.
    if year in (2020, 2022):
        rows.append(f"{year},putuo,fire,1,3,2,260.5,major")
months = [(2024, m) for m in range(1, 13)] + [(2025, m) for m in range(1, 9)]
for year, month in months:
    trend = 0.62 if year == 2024 else 0.56
    for region, scale in regions.items():
        for category, base in categories.items():
            a, d, i, l = figures(base * scale * trend / 2)
            if a == 0:
                continue
            rows.append(f"{year}-{month:02d},{region},{category},{a},{d},{i},{l},")
sys.stdout.write("\n".join(rows) + "\n")
