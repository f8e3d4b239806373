#!/usr/bin/env python3
"""Random exam data sets and the reference's answers for them (the golden files of apps/server/src/exam-golden.test.ts).

    python3 bench/exam/make_fixtures.py                      # (re)write the committed fixtures
    python3 bench/exam/make_fixtures.py --seed 42 --n 300 --items 10 --out /tmp/x   # one fresh set

Each set has integer or half-point scores (so many tied totals), absent students (all item cells blank or 缺考),
blank cells of present students, a constant item, students without a prior score, and a school of one student.
The expected JSON is reference.py's (numpy), not the TypeScript engine's.
"""
import argparse
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference  # noqa: E402

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "apps", "server", "src", "test",
                        "fixtures", "exam")


def generate(out, seed, n, m, schools=6, half_points=False, bom=False):
    rng = np.random.default_rng(seed)
    os.makedirs(out, exist_ok=True)
    max_score = rng.choice([1, 2, 3, 4, 5, 6, 8, 10, 12], size=m)
    ability = rng.normal(0, 1, n)
    school_names = [f"第{i + 1}中学" for i in range(schools)]
    school_eff = rng.normal(0, 0.4, schools)
    sch = rng.integers(0, schools, n)
    sch[-1] = schools  # a school of one student
    school_names.append("单人学校")
    school_eff = np.append(school_eff, 0.3)
    cls = rng.integers(1, 4, n)
    theta = ability + school_eff[sch]
    p = 1 / (1 + np.exp(-(theta[:, None] - rng.normal(0, 1, m)[None, :])))
    step = 0.5 if half_points else 1.0
    X = np.round(rng.binomial(max_score[None, :].astype(int) * (2 if half_points else 1), p) * step, 1)
    X[:, 0] = max_score[0]  # a constant item: everybody full marks
    with open(os.path.join(out, "items.csv"), "w", encoding="utf-8") as f:
        f.write("item_id,max_score,type,knowledge_point,ability_level\n")
        for j in range(m):
            t = "objective" if j < m // 2 else "subjective"
            f.write(f"T{j + 1},{max_score[j]},{t},知识点{j % 3 + 1},{['识记', '理解', '应用'][j % 3]}\n")
    absent = rng.random(n) < 0.04
    absent[-1] = False
    blank = rng.random((n, m)) < 0.02
    with open(os.path.join(out, "scores.csv"), "w", encoding="utf-8-sig" if bom else "utf-8") as f:
        f.write("student_id,school,class," + ",".join(f"T{j + 1}" for j in range(m)) + "\n")
        for i in range(n):
            if absent[i]:
                cells = ["缺考" if i % 2 else ""] * m
            else:
                cells = ["" if blank[i, j] and X[i, j] == 0 else f"{X[i, j]:g}" for j in range(m)]
            f.write(f"S{seed}{i:05d},{school_names[sch[i]]},{cls[i]}班," + ",".join(cells) + "\n")
    prior = np.round(60 + 12 * (ability + rng.normal(0, 0.6, n)), 1)
    with open(os.path.join(out, "prior.csv"), "w", encoding="utf-8") as f:
        f.write("student_id,prior_score\n")
        for i in range(n):
            if rng.random() < 0.05 and i != n - 1:
                continue  # no prior
            f.write(f"S{seed}{i:05d},{prior[i]:g}\n")
        f.write("X99999,50\n")  # a prior of a student not in the score sheet
    out_json = reference.analyze(os.path.join(out, "scores.csv"), os.path.join(out, "items.csv"),
                                 os.path.join(out, "prior.csv"))
    import json
    with open(os.path.join(out, "expected.json"), "w", encoding="utf-8") as f:
        f.write(json.dumps(out_json, ensure_ascii=False, indent=1) + "\n")


SETS = [
    ("small-integers", dict(seed=1, n=37, m=6, schools=3)),
    ("medium-half-points", dict(seed=2, n=400, m=15, schools=8, half_points=True, bom=True)),
    ("large-many-ties", dict(seed=3, n=2000, m=25, schools=20)),
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--items", type=int, default=10)
    ap.add_argument("--schools", type=int, default=6)
    ap.add_argument("--out")
    a = ap.parse_args()
    if a.seed is not None:
        generate(a.out, a.seed, a.n, a.items, a.schools, half_points=a.seed % 2 == 1)
        return
    for name, kw in SETS:
        generate(os.path.join(FIXTURES, name), **kw)
        print("wrote", name)


if __name__ == "__main__":
    main()
