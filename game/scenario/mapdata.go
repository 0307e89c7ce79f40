package scenario

import (
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// FeatureKinds are the kinds of things drawn on the map besides places.
var FeatureKinds = []string{"river", "canal", "mountains", "coast", "wall", "route"}

// Point is a position on the map as longitude and latitude, in degrees.
type Point struct {
	Lon, Lat float64
}

// Feature is a line drawn on the map: a river, a range of mountains, or an army's route
// through named places.
type Feature struct {
	ID      string
	Pos     Pos
	Kind    string
	Label   string
	Chars   string
	Side    string   // routes: whose army (jin or song)
	Points  []Point  // the line, for all but routes
	Through []*Place // routes: the places in order of march
}

func (b *builder) feature(w *walker, n *yaml.Node) {
	m := w.fields(n, "map feature", "id", "kind", "label", "chars", "side", "points", "through")
	if m == nil {
		return
	}
	f := &Feature{ID: b.id(w, m, "map feature", n), Pos: w.pos(n)}
	what := "map feature " + f.ID
	f.Kind = w.text(m, "kind", what, n)
	if f.Kind != "" && !contains(FeatureKinds, f.Kind) {
		w.r.add(w.pos(m["kind"]), "%s: kind %q is not one of %s", what, f.Kind, strings.Join(FeatureKinds, ", "))
	}
	f.Label = w.text(m, "label", what, n)
	f.Chars = w.optText(m, "chars", what)
	if f.Kind == "route" {
		f.Side = w.text(m, "side", what, n)
		if f.Side != "" && f.Side != "jin" && f.Side != "song" {
			w.r.add(w.pos(m["side"]), "%s: side %q is neither jin nor song", what, f.Side)
		}
		ids, nodes := w.strs(m, "through", what)
		for i, id := range ids {
			name, ok := b.c.names[id]
			if !ok || name.Kind != PlaceName {
				w.r.add(w.pos(nodes[i]), "%s: %q is not a declared place", what, id)
				continue
			}
			f.Through = append(f.Through, b.c.Places[name.Index])
		}
		if len(ids) < 2 {
			w.r.add(w.pos(n), "%s: a route goes through at least two places", what)
		}
	} else {
		for _, pn := range w.list(orEmpty(m["points"]), what+" points") {
			if p, ok := b.point(w, pn, what); ok {
				f.Points = append(f.Points, p)
			}
		}
		if len(f.Points) < 2 {
			w.r.add(w.pos(n), "%s: a line needs at least two points [longitude, latitude]", what)
		}
	}
	b.c.Map = append(b.c.Map, f)
}

// point reads [longitude, latitude] in degrees, within North China's reach.
func (b *builder) point(w *walker, n *yaml.Node, what string) (Point, bool) {
	items := w.list(n, what+" point")
	if len(items) != 2 {
		if items != nil {
			w.r.add(w.pos(n), "%s: a point is [longitude, latitude]", what)
		}
		return Point{}, false
	}
	var v [2]float64
	for i, it := range items {
		s, ok := w.scalar(it, what+" point")
		if !ok {
			return Point{}, false
		}
		f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil {
			w.r.add(w.pos(it), "%s: %q is not a number of degrees", what, s)
			return Point{}, false
		}
		v[i] = f
	}
	if v[0] < 90 || v[0] > 135 || v[1] < 20 || v[1] > 55 {
		w.r.add(w.pos(n), "%s: [%g, %g] is not in North China (longitude 90–135, latitude 20–55)", what, v[0], v[1])
		return Point{}, false
	}
	return Point{Lon: v[0], Lat: v[1]}, true
}
