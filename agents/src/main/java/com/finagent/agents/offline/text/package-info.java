/**
 * The text handling every offline model shares: word lists read from resource files, and English stems from Lucene.
 * It uses none of the offline models, so each of them can use it.
 */
package com.finagent.agents.offline.text;
