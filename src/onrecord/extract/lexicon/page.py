"""Words of the page that are no speech: rubrics, titles of works, labels, times.

The statement filter and the finders use them to tell a headline rubric ("Analysis: ...")
from a speaker, a film title in quotation marks from a quote, a "NOTE:" line from a
transcript turn, and a time phrase from a message.
"""

from __future__ import annotations

from onrecord.extract.lexicon import words

#: Headline rubrics and topics that stand before a colon like a speaker ("LIVE: ...",
#: "Analysis: ...", "Coronavirus: ..."), in lower case, hyphens as spaces.
RUBRIC_WORDS: frozenset[str] = frozenset(
    line.strip()
    for line in """
    live
    live updates
    live blog
    breaking
    breaking news
    just in
    update
    updated
    latest
    the latest
    analysis
    news analysis
    opinion
    comment
    commentary
    editorial
    column
    exclusive
    explainer
    explained
    fact check
    factcheck
    reality check
    feature
    interview
    q&a
    review
    watch
    video
    photos
    pictures
    in pictures
    gallery
    podcast
    listen
    quiz
    timeline
    obituary
    letters
    perspective
    special report
    focus
    in focus
    in depth
    profile
    preview
    recap
    highlights
    briefing
    morning briefing
    evening briefing
    today
    weather
    sport
    sports
    business
    markets
    money
    economy
    politics
    world
    world news
    national
    local
    health
    science
    technology
    tech
    culture
    entertainment
    travel
    lifestyle
    climate
    environment
    crime
    coronavirus
    covid
    covid 19
    covid19
    pandemic
    brexit
    election
    elections
    """.strip().splitlines()
)

#: Words that introduce a quotation as a name, not as speech: 'the so-called "harbour tax"'.
NAMING_WORDS: frozenset[str] = words("so-called called titled entitled dubbed named nicknamed")

#: Works and names whose title stands in quotation marks: 'the film "Harbour Lights"',
#: 'his memoir, "Tides"', 'the hashtag "#PortOpen"'.
WORK_NOUNS: frozenset[str] = words(
    """
    film films movie book books novel memoir memoirs autobiography biography show series
    sitcom drama song album single play musical documentary hashtag slogan motto headline
    article column essay programme program podcast episode magazine newspaper poem painting
    term word phrase label nickname banner sign poster brand
    """
)

#: Upper-case words that open a line with a colon but name no one.
NOT_SPEAKER_LABELS = words(
    "NOTE UPDATE EDITOR EDITORS CORRECTION WATCH READ PHOTO VIDEO SOURCE SOURCES RELATED MORE"
)

#: Words of time: a noun phrase of them after a verb ("said Friday") is when, not what.
TIME_WORDS = words(
    """
    monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    tomorrow morning afternoon evening night week weekend month year january february march
    april may june july august september october november december last this next earlier
    later recently
    """
)
