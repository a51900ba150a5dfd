"""Events: who met, visited or called whom, where and when. ``find`` reads the event sentences,
``parse`` takes participants from the dependency parse, ``places`` destinations and venues,
``dates`` the date from the event's own clause."""
