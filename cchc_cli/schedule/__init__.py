"""Dates that matter: working days, deadlines, reporting periods, state as of a day.

One module per concern:

* :mod:`~cchc_cli.schedule.holidays_vn` — public holidays from the ``holidays`` package;
* :mod:`~cchc_cli.schedule.workcal` — :class:`WorkingCalendar`, counting under the
  Civil Code 2015, Art. 147-148;
* :mod:`~cchc_cli.schedule.periods` — reporting periods (Decree 09/2019/NĐ-CP, Art. 12,
  or calendar periods);
* :mod:`~cchc_cli.schedule.rules` — deadline kinds and their dates in a year;
* :mod:`~cchc_cli.schedule.view` — the plain-data view of a plan these modules work on;
* :mod:`~cchc_cli.schedule.cache` — that view, cached by plan content;
* :mod:`~cchc_cli.schedule.state` — the state of a task or duty as of a date, urgency;
* :mod:`~cchc_cli.schedule.agenda` — status, deadlines and periods listings;
* :mod:`~cchc_cli.schedule.ics` — RFC 5545 export.

Nothing here imports pydantic or the ``holidays`` package at import time, so that
``cchc status`` stays fast when the plan has not changed since the last run.
"""
