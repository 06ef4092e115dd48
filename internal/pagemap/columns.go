package pagemap

// Column is one column of a table the engine reads: the header a person
// sees and the profile keys of a row it shows. One key: the cell reads
// that value; several (a period's from and to): the cell shows each. A
// column without keys (操作, with the row's buttons) holds no data.
type Column struct {
	Header string   `yaml:"header"`
	Key    string   `yaml:"key"`
	Keys   []string `yaml:"keys"`
}

// AllKeys returns Key and Keys together.
func (c Column) AllKeys() []string {
	if c.Key == "" {
		return c.Keys
	}
	return append([]string{c.Key}, c.Keys...)
}

// Headers returns the header texts of the table's columns, in order.
func (t *TableSpec) Headers() []string {
	out := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		out[i] = c.Header
	}
	return out
}

// DataColumns returns the columns that show profile values, in order.
func (t *TableSpec) DataColumns() []Column {
	var out []Column
	for _, c := range t.Columns {
		if len(c.AllKeys()) > 0 {
			out = append(out, c)
		}
	}
	return out
}
