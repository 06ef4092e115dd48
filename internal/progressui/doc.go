// Package progressui is what a person sees while autofill works: the run's
// checklist (one line per page, redrawn in place, the human steps above
// it, the result below) and the batch's table (one row per job, with an
// input line for 12367 codes). Both draw on an [iostreams.Region] and
// colour through an [iostreams.ColorScheme], so a log file, a pipe or
// NO_COLOR get plain lines from the same code.
package progressui
