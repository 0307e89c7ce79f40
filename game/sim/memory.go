package sim

import "github.com/bianjing1125/bianjing/game/scenario"

// since is an event read by days_since that has fired, and the day count it fired on.
type since struct {
	key  string
	days int
}

// remember notes, where expressions read it, that something has happened: an event seen, a
// choice taken, an outcome drawn. Nothing is written for what no expression reads.
func (g *Game) remember(r *scenario.Recall) {
	if r == nil {
		return
	}
	g.env[r.Key] = true
	g.touch(r.Slot)
	if r.Since != "" {
		g.since = append(g.since, since{key: r.Since, days: g.clockDays})
		g.env[r.Since] = boxed(0)
	}
}

// countSince writes, for each event read by days_since that has fired, how many days ago it
// did; expressions reading it also read the day count, so they are evaluated again.
func (g *Game) countSince() {
	for _, s := range g.since {
		g.env[s.key] = boxed(g.clockDays - s.days)
	}
}
