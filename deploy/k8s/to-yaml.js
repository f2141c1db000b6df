'use strict';

/** Enough YAML for manifests: block mappings and sequences, scalars quoted when plain would mislead. */
function toYaml(value, indent) {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    return value
      .map((item) => {
        if (isScalar(item)) return `${pad}- ${scalar(item)}\n`;
        const body = toYaml(item, indent + 2);
        return `${pad}- ${body.slice(indent + 2)}`;
      })
      .join('');
  }
  return Object.entries(value)
    .map(([key, item]) => {
      const name = scalar(key);
      if (isScalar(item)) return `${pad}${name}: ${scalar(item)}\n`;
      if (Array.isArray(item) && item.length === 0) return `${pad}${name}: []\n`;
      if (!Array.isArray(item) && Object.keys(item).length === 0) return `${pad}${name}: {}\n`;
      return `${pad}${name}:\n${toYaml(item, indent + 2)}`;
    })
    .join('');
}

function isScalar(value) {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function scalar(value) {
  if (typeof value !== 'string') return String(value);
  const plain = /^[A-Za-z0-9/._-][A-Za-z0-9/._:@-]*$/.test(value);
  const ambiguous = /^(true|false|yes|no|on|off|null|~|[-+]?[0-9][0-9._:]*|\.inf|\.nan)$/i.test(value);
  return plain && !ambiguous && !value.includes(': ') ? value : `'${value.replace(/'/g, "''")}'`;
}

module.exports = { toYaml };
