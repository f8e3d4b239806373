#!/usr/bin/env python3
"""Independent reference for `yanxun exam analyze` (issue 4), written from the issue's definitions with numpy.

    python3 bench/exam/reference.py --scores scores.csv --items items.csv [--prior prior.csv] [--json out.json]

It shares no code with the TypeScript engine. Conventions (docs/POLICIES.md, "Exam analysis"): a student whose
item cells are all blank (or 缺考) is absent and left out; a blank cell of a present student is 0; rates are
fractions; schools sorted by name (code-point order); undefined statistics are null.
"""
import argparse
import csv
import json
import sys

import numpy as np

ABSENT = {"", "缺考", "缺", "absent", "abs"}


def read_rows(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return [r for r in csv.reader(f) if any(c.strip() for c in r)]


def sd(x):
    return float(np.std(x, ddof=1)) if len(x) >= 2 else None


def analyze(scores_path, items_path, prior_path=None, thresholds=(0.85, 0.6, 0.4)):
    items = read_rows(items_path)
    ih = [h.strip() for h in items[0]]
    item_ids = [r[ih.index("item_id")].strip() for r in items[1:]]
    max_score = np.array([float(r[ih.index("max_score")]) for r in items[1:]])
    full = float(max_score.sum())

    rows = read_rows(scores_path)
    h = [c.strip() for c in rows[0]]
    cols = [h.index(i) for i in item_ids]
    ids, schools, mat = [], [], []
    for r in rows[1:]:
        cells = [r[c].strip() for c in cols]
        if all(c.lower() in ABSENT for c in cells):
            continue
        ids.append(r[h.index("student_id")].strip())
        schools.append(r[h.index("school")].strip())
        mat.append([float(c) if c != "" else 0.0 for c in cells])
    X = np.array(mat, dtype=np.float64).reshape(len(mat), len(item_ids))
    n, k = X.shape
    total = X.sum(axis=1)
    ex, pa, lo = thresholds

    def rates(t):
        if len(t) == 0:
            return None, None, None
        return (float(np.mean(t >= ex * full)), float(np.mean(t >= pa * full)), float(np.mean(t < lo * full)))

    er, pr, lr = rates(total)
    if k >= 2 and n >= 2 and np.var(total) > 0:
        alpha = k / (k - 1) * (1 - X.var(axis=0, ddof=1).sum() / total.var(ddof=1))
        alpha = float(alpha)
    else:
        alpha = None
    out = {
        "students": n,
        "total": {
            "mean": float(total.mean()) if n else None,
            "sd": sd(total),
            "median": float(np.median(total)) if n else None,
            "max": float(total.max()) if n else None,
            "min": float(total.min()) if n else None,
            "alpha": alpha,
            "excellent_rate": er,
            "pass_rate": pr,
            "low_rate": lr,
        },
        "items": [],
        "schools": [],
    }
    g = (27 * n) // 100
    order = np.argsort(-total, kind="stable")  # descending, ties in input order
    upper, lower = order[:g], order[n - g:]
    for j, item in enumerate(item_ids):
        x = X[:, j]
        rest = total - x
        if n >= 2 and np.ptp(x) > 0 and np.ptp(rest) > 0:
            r = float(np.corrcoef(x, rest)[0, 1])
        else:
            r = None
        out["items"].append({
            "item_id": item,
            "difficulty": float(x.mean() / max_score[j]) if n else None,
            "discrimination_27": float((X[upper, j].mean() - X[lower, j].mean()) / max_score[j]) if g > 0 else None,
            "item_total_r": r,
        })
    schools_arr = np.array(schools)
    for s in sorted(set(schools)):
        t = total[schools_arr == s]
        out["schools"].append({
            "school": s, "n": int(len(t)), "mean": float(t.mean()), "sd": sd(t), "pass_rate": rates(t)[1],
        })
    if prior_path:
        prior = {}
        for r in read_rows(prior_path)[1:]:
            if r[1].strip() != "":
                prior[r[0].strip()] = float(r[1])
        keep = np.array([i in prior for i in ids])
        p = np.array([prior[i] for i in ids if i in prior])
        c = total[keep]
        zs = (p - p.mean()) / p.std(ddof=1)
        zc = (c - c.mean()) / c.std(ddof=1)
        A = np.column_stack([np.ones_like(zs), zs])
        beta, *_ = np.linalg.lstsq(A, zc, rcond=None)
        resid = zc - A @ beta
        sch = schools_arr[keep]
        out["value_added"] = []
        for s in sorted(set(sch.tolist())):
            e = resid[sch == s]
            va = float(e.mean())
            if len(e) >= 2:
                half = 1.96 * e.std(ddof=1) / np.sqrt(len(e))
                lo_, hi_ = float(va - half), float(va + half)
            else:
                lo_, hi_ = None, None
            out["value_added"].append({"school": s, "va": va, "ci_low": lo_, "ci_high": hi_})
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scores", required=True)
    ap.add_argument("--items", required=True)
    ap.add_argument("--prior")
    ap.add_argument("--json")
    a = ap.parse_args()
    out = analyze(a.scores, a.items, a.prior)
    text = json.dumps(out, ensure_ascii=False, indent=1) + "\n"
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
