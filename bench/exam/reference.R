#!/usr/bin/env Rscript
# The same statistics as `yanxun exam analyze`, in R (Debian r-base-core + r-cran-psych), for the side-by-side
# benchmark (bench/exam.ts) and as a second independent reference. Alpha comes from psych::alpha.
#
#   Rscript bench/exam/reference.R scores.csv items.csv [prior.csv] [out.json]
#
# Prints "read_ms <ms>" and "compute_ms <ms>" on stderr (reading with data.table::fread; computing: psych::alpha
# plus every other statistic). Absent students (all item cells blank or 缺考) are dropped; blank cells are 0.
suppressMessages({
  library(psych)
  library(data.table)
  library(jsonlite)
})
args <- commandArgs(trailingOnly = TRUE)
t0 <- Sys.time()
items <- fread(args[1 + 1], encoding = "UTF-8", colClasses = list(character = "item_id"))
scores <- fread(args[1], encoding = "UTF-8", colClasses = "character")
prior <- if (length(args) >= 3 && args[3] != "-") fread(args[3], colClasses = list(character = "student_id")) else NULL
t1 <- Sys.time()

ids <- items$item_id
maxs <- as.numeric(items$max_score)
full <- sum(maxs)
raw <- as.matrix(scores[, ..ids])
absent_cell <- raw == "" | is.na(raw) | tolower(raw) %in% c("缺考", "缺", "absent", "abs")
absent <- rowSums(absent_cell) == ncol(raw)
raw <- raw[!absent, , drop = FALSE]
X <- matrix(suppressWarnings(as.numeric(raw)), nrow = nrow(raw))
X[is.na(X)] <- 0
colnames(X) <- ids
school <- scores$school[!absent]
sid <- scores$student_id[!absent]
n <- nrow(X)
tot <- rowSums(X)

a <- suppressWarnings(suppressMessages(psych::alpha(as.data.frame(X), check.keys = FALSE, warnings = FALSE)))
g <- (27L * n) %/% 100L
ord <- order(-tot, seq_len(n)) # descending, ties in input order
up <- ord[seq_len(g)]
lo <- ord[(n - g + 1):n]
items_out <- lapply(seq_along(ids), function(j) {
  x <- X[, j]
  rest <- tot - x
  r <- if (n >= 2 && diff(range(x)) > 0 && diff(range(rest)) > 0) cor(x, rest) else NULL
  list(
    item_id = ids[j], difficulty = mean(x) / maxs[j],
    discrimination_27 = if (g > 0) (mean(X[up, j]) - mean(X[lo, j])) / maxs[j] else NULL,
    item_total_r = r
  )
})
schools_out <- lapply(sort(unique(school), method = "radix"), function(s) {
  t <- tot[school == s]
  list(school = s, n = length(t), mean = mean(t), sd = if (length(t) >= 2) sd(t) else NULL,
       pass_rate = mean(t >= 0.6 * full))
})
out <- list(
  students = n,
  total = list(mean = mean(tot), sd = sd(tot), median = median(tot), max = max(tot), min = min(tot),
               alpha = a$total$raw_alpha, excellent_rate = mean(tot >= 0.85 * full),
               pass_rate = mean(tot >= 0.6 * full), low_rate = mean(tot < 0.4 * full)),
  items = items_out,
  schools = schools_out
)
if (!is.null(prior)) {
  p <- setNames(as.numeric(prior$prior_score), prior$student_id)
  p <- p[!is.na(p)]
  keep <- sid %in% names(p)
  zx <- as.numeric(scale(p[sid[keep]]))
  zy <- as.numeric(scale(tot[keep]))
  res <- residuals(lm(zy ~ zx))
  sk <- school[keep]
  out$value_added <- lapply(sort(unique(sk), method = "radix"), function(s) {
    e <- res[sk == s]
    va <- mean(e)
    half <- if (length(e) >= 2) 1.96 * sd(e) / sqrt(length(e)) else NULL
    list(school = s, va = va, ci_low = if (is.null(half)) NULL else va - half,
         ci_high = if (is.null(half)) NULL else va + half)
  })
}
t2 <- Sys.time()
message(sprintf("read_ms %.1f", as.numeric(difftime(t1, t0, units = "secs")) * 1000))
message(sprintf("compute_ms %.1f", as.numeric(difftime(t2, t1, units = "secs")) * 1000))
if (length(args) >= 4) writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null"), args[4])
