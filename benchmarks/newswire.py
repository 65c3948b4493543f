"""Invented wire-copy phrases shared by the benchmarks that write their own articles
(ingest_memory.py, long_documents.py): quotes and reported clauses with a number, a place and
a day to fill in, so that no two statements are the same words (identical words said twice
are merged as one statement, which would hide the cost being measured)."""

QUOTES = (
    "We will not accept a deal that leaves {n} workers behind in {place}",
    "The numbers simply do not add up for the {n} families around {place}",
    "Nobody among the {n} dockers in {place} wants another winter of strikes",
    "I have asked my officials to publish all {n} figures for {place} by {day}",
    "This is the most serious offer of {n} jobs we have put on the table since {day}",
    "The talks on {day} about the {n} contracts in {place} were difficult but honest",
    "Our {n} members in {place} are tired of promises that are never kept",
    "There is still time to save {n} jobs in {place} before {day}",
)
CLAUSES = (
    "the budget for {place} would be revised by {n} million before {day}",
    "the harbour at {place} would reopen once {n} inspections were finished",
    "the government had underestimated the cost of the {n} kilometre line to {place}",
    "further talks on the {n} open questions were planned for {day} in {place}",
    "the proposal had been discussed with {n} regional councils near {place}",
    "the strike in {place} would continue until {n} written offers were made",
)
PLACES = ("Northport", "Easton", "Kellmouth", "Arden Bay", "Stowe", "Marrick", "Linden")
