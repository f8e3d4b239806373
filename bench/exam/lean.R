#!/usr/bin/env Rscript
# The lean R baseline of bench/exam.ts: only the statistics of the CLI's JSON, the way an analyst would write them
# in a few lines of base R — read.csv, psych::alpha, the item statistics (difficulty, 27 % discrimination,
# corrected item-total r), the school statistics and lm for value-added — with no fast reader (reference.R uses
# data.table::fread) and no validation. Absent students (every item cell blank) are dropped; blank cells are 0.
#
#   Rscript bench/exam/lean.R scores.csv items.csv prior.csv [out.json]
#
# Needs Debian's r-base-core and r-cran-psych (jsonlite only when out.json is given).
suppressMessages(library(psych))
args <- commandArgs(trailingOnly = TRUE)
items <- read.csv(args[2], colClasses = c(item_id = "character"), encoding = "UTF-8")
scores <- read.csv(args[1], check.names = FALSE, colClasses = c(student_id = "character"), encoding = "UTF-8")
prior <- read.csv(args[3], colClasses = c(student_id = "character"))

ids <- items$item_id
maxs <- items$max_score
full <- sum(maxs)
X <- as.matrix(scores[, ids])
absent <- rowSums(is.na(X)) == ncol(X)
X <- X[!absent, , drop = FALSE]
X[is.na(X)] <- 0
school <- scores$school[!absent]
sid <- scores$student_id[!absent]
n <- nrow(X)
tot <- rowSums(X)

alpha <- suppressMessages(suppressWarnings(
  psych::alpha(as.data.frame(X), check.keys = FALSE, warnings = FALSE)
))$total$raw_alpha
g <- (27L * n) %/% 100L
ord <- order(-tot, seq_len(n))
up <- ord[seq_len(g)]
lo <- ord[(n - g + 1):n]
item_stats <- lapply(seq_along(ids), function(j) {
  x <- X[, j]
  list(item_id = ids[j], difficulty = mean(x) / maxs[j],
       discrimination_27 = (mean(x[up]) - mean(x[lo])) / maxs[j], item_total_r = cor(x, tot - x))
})
school_stats <- lapply(sort(unique(school), method = "radix"), function(s) {
  t <- tot[school == s]
  list(school = s, n = length(t), mean = mean(t), sd = sd(t), pass_rate = mean(t >= 0.6 * full))
})
p <- setNames(prior$prior_score, prior$student_id)
keep <- sid %in% names(p)
fit <- lm(scale(tot[keep]) ~ scale(p[sid[keep]]))
e_by_school <- split(residuals(fit), school[keep])
value_added <- lapply(sort(names(e_by_school), method = "radix"), function(s) {
  e <- e_by_school[[s]]
  half <- 1.96 * sd(e) / sqrt(length(e))
  list(school = s, va = mean(e), ci_low = mean(e) - half, ci_high = mean(e) + half)
})
out <- list(
  students = n,
  total = list(mean = mean(tot), sd = sd(tot), median = median(tot), max = max(tot), min = min(tot),
               alpha = alpha, excellent_rate = mean(tot >= 0.85 * full), pass_rate = mean(tot >= 0.6 * full),
               low_rate = mean(tot < 0.4 * full)),
  items = item_stats, schools = school_stats, value_added = value_added
)
if (length(args) >= 4) {
  writeLines(jsonlite::toJSON(out, auto_unbox = TRUE, digits = NA, null = "null"), args[4])
}
