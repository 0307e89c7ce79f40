package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
)

// Gallery is the endings of one campaign that the player has reached, in any game.
type Gallery struct {
	Campaign string   `json:"campaign"`
	Endings  []string `json:"endings"` // ending ids, the first found first
}

// galleryKey is the key of the gallery of campaign.
func galleryKey(campaign string) string { return campaign + "-endings.json" }

// Found reports whether the ending id has been reached.
func (g Gallery) Found(id string) bool { return slices.Contains(g.Endings, id) }

// Add records that the ending id has been reached, after those reached before. An id already
// found, or empty, changes nothing.
func (g *Gallery) Add(id string) {
	if id != "" && !g.Found(id) {
		g.Endings = append(g.Endings, id)
	}
}

// LoadGallery reads the gallery of campaign from st. When there is none yet it returns an
// empty gallery and no error. When its document cannot be read it returns an empty gallery and
// an error for the UI to show (wrapping ErrDamaged when the document is damaged); the document
// is left as it is, and SaveGallery keeps a copy of it before replacing it.
func LoadGallery(st Store, campaign string) (Gallery, error) {
	empty := Gallery{Campaign: campaign}
	key := galleryKey(campaign)
	data, err := st.Read(key)
	if errors.Is(err, ErrNotFound) {
		return empty, nil
	}
	if err != nil {
		return empty, fmt.Errorf("the endings found cannot be read: %w", err)
	}
	g, err := decodeGallery(data, campaign)
	if err != nil {
		return empty, fmt.Errorf("the file of endings found %s is %w and is left as it is: %w", key, ErrDamaged, err)
	}
	return g, nil
}

// decodeGallery reads a gallery document of campaign, dropping empty and repeated ids.
func decodeGallery(data []byte, campaign string) (Gallery, error) {
	var doc Gallery
	if err := json.Unmarshal(data, &doc); err != nil {
		return Gallery{}, err
	}
	if doc.Campaign != campaign {
		return Gallery{}, fmt.Errorf("it is of campaign %q, not %q", doc.Campaign, campaign)
	}
	g := Gallery{Campaign: campaign}
	for _, id := range doc.Endings {
		g.Add(id)
	}
	return g, nil
}

// SaveGallery writes the gallery to st. It never forgets an ending: those already recorded
// in st (by another window of the game, say) are kept, first, and g's new ones follow. When
// the document in st is damaged, a copy of it is kept under "<key>.damaged-<k>" before it is
// replaced; when it cannot be read at all, nothing is written.
func SaveGallery(st Store, g Gallery) error {
	if g.Campaign == "" {
		return errors.New("saving the endings found: the gallery names no campaign")
	}
	key := galleryKey(g.Campaign)
	merged := Gallery{Campaign: g.Campaign}
	data, err := st.Read(key)
	switch {
	case errors.Is(err, ErrNotFound):
	case err != nil:
		return fmt.Errorf("saving the endings found: the file %s cannot be read, so it is left as it is: %w", key, err)
	default:
		if old, bad := decodeGallery(data, g.Campaign); bad == nil {
			merged = old
		} else if _, err := keepDamaged(st, key, data); err != nil {
			return fmt.Errorf("saving the endings found: the damaged file is left as it is: %w", err)
		}
	}
	for _, id := range g.Endings {
		merged.Add(id)
	}
	if merged.Endings == nil {
		merged.Endings = []string{}
	}
	out, _ := json.MarshalIndent(merged, "", "  ") // strings only: cannot fail
	if err := st.Write(key, append(out, '\n')); err != nil {
		return fmt.Errorf("saving the endings found: %w", err)
	}
	return nil
}
