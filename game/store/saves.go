package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/bianjing1125/bianjing/game/save"
)

// Slots is the number of the player's save slots, numbered 1 to Slots. Slot Autosave (0) is
// the autosave, which the game writes by itself.
const Slots = 9

// Autosave is the number of the autosave's slot.
const Autosave = 0

// ErrDamaged says a document in the store cannot be read as what it should be. The document is
// left as it is: nothing here deletes or overwrites it without first keeping a copy.
var ErrDamaged = errors.New("damaged")

// maxDamagedCopies bounds the copies of damaged documents kept for one key.
const maxDamagedCopies = 99

// Saves are the save slots of one campaign, kept in a Store under keys named after the
// campaign: "<campaign>-autosave.json", "<campaign>-slot-<n>.json", and the index
// "<campaign>-saves.json" that records which slot was written last. Its methods are safe for
// concurrent use by one program (not by two programs on the same Store).
type Saves struct {
	st       Store
	campaign string
	mu       sync.Mutex
}

// NewSaves returns the save slots of campaign (a campaign id, such as "jingkang") in st.
func NewSaves(st Store, campaign string) *Saves {
	return &Saves{st: st, campaign: campaign}
}

// Slot is a save slot as listed: empty, holding a save, or holding a file that cannot be
// loaded (Err says why; such a file is never overwritten nor deleted by List or Get).
type Slot struct {
	N     int       // Autosave (0), or 1 to Slots
	Empty bool      // nothing has been saved in it
	Save  save.Save // the save it holds, when neither Empty nor Err
	Err   error     // why the slot's file cannot be loaded (wrapping ErrDamaged when damaged)
}

// Key returns the store key of slot n, or "" when there is no slot n.
func (s *Saves) Key(n int) string {
	switch {
	case n == Autosave:
		return s.campaign + "-autosave.json"
	case n >= 1 && n <= Slots:
		return fmt.Sprintf("%s-slot-%d.json", s.campaign, n)
	}
	return ""
}

// indexKey is the key of the index document.
func (s *Saves) indexKey() string { return s.campaign + "-saves.json" }

// name names slot n for the player.
func name(n int) string {
	if n == Autosave {
		return "the autosave"
	}
	return fmt.Sprintf("slot %d", n)
}

func (s *Saves) checkSlot(n int) error {
	if s.Key(n) == "" {
		return fmt.Errorf("there is no save slot %d (0 is the autosave, 1 to %d the player's)", n, Slots)
	}
	return nil
}

// load decodes the document of slot n, which must be a save of the campaign.
func (s *Saves) load(n int, data []byte) (save.Save, error) {
	sv, err := save.Decode(data)
	if err != nil {
		return save.Save{}, fmt.Errorf("%s: the save file %s is %w and is left as it is: %w", name(n), s.Key(n), ErrDamaged, err)
	}
	if sv.Campaign != s.campaign {
		return save.Save{}, fmt.Errorf("%s: the save file %s is of campaign %q, not %q; it is left as it is", name(n), s.Key(n), sv.Campaign, s.campaign)
	}
	return sv, nil
}

// Get returns the save in slot n: an error wrapping ErrNotFound when the slot is empty, or
// wrapping ErrDamaged when its file cannot be decoded (the file is left as it is).
func (s *Saves) Get(n int) (save.Save, error) {
	if err := s.checkSlot(n); err != nil {
		return save.Save{}, err
	}
	data, err := s.st.Read(s.Key(n))
	if errors.Is(err, ErrNotFound) {
		return save.Save{}, fmt.Errorf("%s is empty: %w", name(n), err)
	}
	if err != nil {
		return save.Save{}, fmt.Errorf("%s cannot be read: %w", name(n), err)
	}
	return s.load(n, data)
}

// List returns every slot, the autosave first, then slots 1 to Slots. It only reads.
func (s *Saves) List() []Slot {
	out := make([]Slot, 0, Slots+1)
	for n := Autosave; n <= Slots; n++ {
		sv, err := s.Get(n)
		switch {
		case errors.Is(err, ErrNotFound):
			out = append(out, Slot{N: n, Empty: true})
		default:
			out = append(out, Slot{N: n, Save: sv, Err: err})
		}
	}
	return out
}

// Put writes sv, a save of the campaign, into slot n and records slot n as the latest written.
// The save is checked first: Put never writes a file it could not load again. When slot n holds
// a file that cannot be loaded (damaged, or of another campaign), that file is first kept, byte
// for byte, under the key "<slot key>.damaged-<k>", and if it cannot be kept nothing is written.
func (s *Saves) Put(n int, sv save.Save) error {
	if err := s.checkSlot(n); err != nil {
		return err
	}
	if sv.Campaign != s.campaign {
		return fmt.Errorf("saving to %s: the save is of campaign %q, not %q", name(n), sv.Campaign, s.campaign)
	}
	data := sv.Encode()
	if _, err := save.Decode(data); err != nil {
		return fmt.Errorf("saving to %s: the save is not valid: %w", name(n), err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	key := s.Key(n)
	old, err := s.st.Read(key)
	switch {
	case errors.Is(err, ErrNotFound):
	case err != nil:
		return fmt.Errorf("saving to %s: its file cannot be read, so it is left as it is (save to another slot): %w", name(n), err)
	default:
		if _, bad := s.load(n, old); bad != nil {
			if _, err := keepDamaged(s.st, key, old); err != nil {
				return fmt.Errorf("saving to %s: its damaged file is left as it is: %w", name(n), err)
			}
		}
	}
	if err := s.st.Write(key, data); err != nil {
		return fmt.Errorf("saving to %s: %w", name(n), err)
	}
	idx, _ := s.readIndex() // an index that cannot be read is only bookkeeping: start it again
	idx.Written[n] = idx.next()
	if err := s.st.Write(s.indexKey(), idx.encode()); err != nil {
		return fmt.Errorf("%s was saved, but not recorded as the latest save: %w", name(n), err)
	}
	return nil
}

// Latest returns the non-empty slot written last by Put, and false when every slot is empty.
// The slot may hold a damaged file (its Err says so). Slots the index does not know (written
// by hand, or when the index was lost) come after all it knows: the autosave, then the lowest.
func (s *Saves) Latest() (Slot, bool) {
	s.mu.Lock()
	idx, _ := s.readIndex()
	s.mu.Unlock()
	var best Slot
	var bestSeq uint64
	found := false
	for _, sl := range s.List() {
		if sl.Empty {
			continue
		}
		if seq := idx.Written[sl.N]; !found || seq > bestSeq {
			best, bestSeq, found = sl, seq, true
		}
	}
	return best, found
}

// index records, for each slot, when Put last wrote it.
type index struct {
	// Written[n] is the sequence number of the last write of slot n; 0 if not known.
	Written [Slots + 1]uint64 `json:"written"`
}

// next returns the sequence number of a new write: after every one recorded.
func (x *index) next() uint64 {
	return slices.Max(x.Written[:]) + 1
}

func (x index) encode() []byte {
	out, _ := json.Marshal(x) // numbers only: cannot fail
	return append(out, '\n')
}

// readIndex reads the index; a missing or damaged index reads as empty, with the error.
func (s *Saves) readIndex() (index, error) {
	var idx index
	data, err := s.st.Read(s.indexKey())
	if err != nil {
		return index{}, err
	}
	if err := json.Unmarshal(data, &idx); err != nil {
		return index{}, fmt.Errorf("the save index %s is %w: %w", s.indexKey(), ErrDamaged, err)
	}
	return idx, nil
}

// keepDamaged keeps a copy of data, the damaged document under key, under the first free key
// "<key>.damaged-<k>" (k from 1), and returns that key. When the same bytes are already kept
// under such a key, it writes nothing and returns that key.
func keepDamaged(st Store, key string, data []byte) (string, error) {
	for k := 1; k <= maxDamagedCopies; k++ {
		copyKey := fmt.Sprintf("%s.damaged-%d", key, k)
		kept, err := st.Read(copyKey)
		switch {
		case errors.Is(err, ErrNotFound):
			if err := st.Write(copyKey, data); err != nil {
				return "", fmt.Errorf("keeping a copy of the damaged %s: %w", key, err)
			}
			return copyKey, nil
		case err == nil && bytes.Equal(kept, data):
			return copyKey, nil
		case err != nil && !errors.Is(err, ErrTooLarge):
			return "", fmt.Errorf("keeping a copy of the damaged %s: %w", key, err)
		}
	}
	return "", fmt.Errorf("keeping a copy of the damaged %s: %d copies are kept already", key, maxDamagedCopies)
}
